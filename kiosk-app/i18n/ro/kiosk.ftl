# Anlauf kiosk — Romanian.
# Same message ids as the German reference, in the same order.
# Polite plural verb forms; "dumneavoastră" used sparingly; ș and ț with comma below.

## Names of languages (each file names every language in its own language)

language-de = Germană
language-de-x-ls = Germană simplă
language-en = Engleză
language-ar = Arabă
language-fa = Persană
language-uk = Ucraineană
language-ru = Rusă
language-tr = Turcă
language-ro = Română
language-bg = Bulgară
language-pl = Poloneză

## Attract screen

attract-touch = Atingeți ecranul pentru a începe.
attract-subtitle = Găsiți ajutor în apropiere, completați cereri, citiți informații – gratuit.
attract-privacy = Când terminați, totul se șterge.

## Top bar

bar-home = Început
bar-back = Înapoi
bar-read-aloud = Citire cu voce tare
bar-end = Încheiați sesiunea

## Home screen

home-title = Ce doriți să faceți?
tile-find-help = Găsiți ajutor
tile-language = Limba
tile-display = Afișare
tile-read-aloud = Citire cu voce tare
tile-end-session = Încheiați sesiunea

## Language picker

language-title = Alegeți limba.

## Display settings

display-title = Afișare
display-text-size = Mărimea textului
display-text-size-value = { $percent } %
display-contrast = Contrast
display-contrast-normal = Normal
display-contrast-high = Contrast ridicat
display-preview = Așa arată textul acum. Alegerea rămâne valabilă până încheiați sesiunea.

## Find help

help-title = Găsiți ajutor
help-search-placeholder = Atingeți aici și scrieți ce căutați.
help-search-sample = mâncare
help-clear = Ștergeți
help-all = Toate
help-results =
    { $count ->
        [one] { $count } serviciu găsit
        [few] { $count } servicii găsite
       *[other] { $count } de servicii găsite
    }
help-none = Din păcate, nu am găsit nimic. Alegeți o temă sau întrebați personalul.
help-phone = Telefon: { $phone }
hours-range = { $days }: { $opens } – { $closes }
days-daily = Zilnic
days-mon-fri = Luni – vineri
days-mon-thu = Luni – joi
days-sat-sun = Sâmbătă și duminică
days-mon = Luni
days-tue = Marți
days-wed = Miercuri
days-thu = Joi
days-fri = Vineri
category-sleep = Loc de dormit
category-food = Mâncare
category-clothes-showers = Haine și dușuri
category-health = Sănătate
category-debts = Datorii
category-documents-post = Acte și poștă

## On-screen keyboard

osk-symbols = 123
osk-letters = ABC
osk-done = Gata

## End of a session

countdown-title = Mai sunteți aici?
countdown-text =
    { $seconds ->
        [one] Sesiunea se încheie în { $seconds } secundă. Apoi totul se șterge.
        [few] Sesiunea se încheie în { $seconds } secunde. Apoi totul se șterge.
       *[other] Sesiunea se încheie în { $seconds } de secunde. Apoi totul se șterge.
    }
countdown-stay = Sunt încă aici
countdown-end = Încheiați acum
confirm-end-title = Încheiați sesiunea?
confirm-end-text = Tot ce ați scris sau ați ales va fi șters.
confirm-end-yes = Da, încheiați
confirm-end-no = Nu, continuați

## Read aloud

speech-no-voice = Din păcate, citirea cu voce tare nu este disponibilă în această limbă.
speech-unavailable = Citirea cu voce tare nu funcționează acum. Vă rugăm să întrebați personalul.
notice-close = Închideți

## Notices for staff (shown on the attract screen)

staff-config = Setări { $path }: { $problem }
staff-translation = Traducere greșită: { $problem }
staff-font = Nu s-a găsit niciun font pentru { $script }. Vă rugăm să instalați pachetul fonts-noto-core.
staff-input = Atingerile sunt recunoscute doar în fereastra chioșcului: { $reason }
staff-display-small = Ecranul are { $width }×{ $height }. Anlauf are nevoie de cel puțin 1024×600.
script-latin = scrierea latină
script-cyrillic = scrierea chirilică
script-arabic = scrierea arabă
