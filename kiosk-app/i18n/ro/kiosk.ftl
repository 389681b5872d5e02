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
help-crisis-title = Aici răspunde mereu cineva
help-categories-title = Teme
help-filters-title = Arată doar
help-phone = Telefon: { $phone }
help-more = Mai mult
filter-open-now = deschis acum
filter-free = gratuit
filter-walk-in = fără programare
filter-my-language = în limba mea
filter-wheelchair = accesibil cu scaun cu rotile
filter-women = pentru femei
filter-young = pentru tineri
status-open-until = Deschis acum, până la { $time }
status-open-always = Deschis acum, non-stop
status-opens-in =
    { $minutes ->
        [one] Se deschide peste 1 minut
        [few] Se deschide peste { $minutes } minute
       *[other] Se deschide peste { $minutes } de minute
    }
status-opens-today = Închis, se deschide azi la { $time }
status-opens-tomorrow = Închis, se deschide mâine la { $time }
status-opens-on = Închis, se deschide { $day } la { $time }
status-closed = Închis acum
status-appointment = Doar cu programare
distance-metres = { $metres } m
distance-km = { $km } km
distance-towards = { $distance }, spre { $landmark }
distance-compass = { $distance } { $compass }
direction-n = spre nord
direction-ne = spre nord-est
direction-e = spre est
direction-se = spre sud-est
direction-s = spre sud
direction-sw = spre sud-vest
direction-w = spre vest
direction-nw = spre nord-vest
weekday-mon = luni
weekday-tue = marți
weekday-wed = miercuri
weekday-thu = joi
weekday-fri = vineri
weekday-sat = sâmbătă
weekday-sun = duminică
days-daily = Zilnic
days-range = { $first } – { $last }
hours-range = { $days }: { $opens } – { $closes }
hours-whole-day = { $days }: non-stop
hours-today = azi
hours-holidays-closed = Închis în zilele de sărbătoare legală.
hours-holidays-open = Deschis și în zilele de sărbătoare.
hours-closed-on = Închis și pe { $dates }.
detail-hours = Program
detail-address = Adresă
detail-way = Cum ajungeți
detail-bring = Vă rugăm să aduceți
detail-who = Cine poate veni?
detail-costs = Cost
detail-languages = Limbi vorbite aici
detail-access = Programare și acces
who-everyone = Poate veni oricine.
who-women = Doar pentru femei.
who-young = Pentru tineri până la 27 de ani.
cost-free = Gratuit.
cost-unknown = Vă rugăm să întrebați acolo.
access-appointment = Vă rugăm să faceți o programare înainte.
access-walk-in = Puteți veni fără programare.
access-wheelchair = Intrare fără trepte.
access-steps = Are trepte, nu e accesibil cu scaun cu rotile.
detail-map = Arată pe hartă
map-zoom-in = Mai aproape
map-zoom-out = Mai departe
map-schematic = Nu există hartă pentru zona aceasta. Linia arată direcția și distanța.
slip-qr = Scanați cu telefonul: totul ca text, fără internet.
slip-print = Tipărește biletul
slip-saved = Biletul este gata. Vă rugăm să cereți personalului exemplarul tipărit.
slip-failed = Biletul nu a putut fi făcut. Vă rugăm să întrebați personalul.
category-sleep = Loc de dormit
category-food = Mâncare
category-clothes-showers = Haine și dușuri
category-health = Sănătate
category-money = Bani și ajutoare
category-debts = Datorii
category-housing = Locuință
category-family = Familie și copii
category-migration = Migrație și azil
category-addiction = Dependență
category-violence-crisis = Violență și criză
category-legal = Consiliere juridică
category-work = Muncă
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

## Forms

tile-forms = Completați cereri
forms-title = Completați cereri
forms-intro = Alegeți o cerere. Vă întrebăm pas cu pas. La final o tipăriți.
forms-search-placeholder = Căutați o cerere
forms-none = Pentru asta nu există aici o cerere. Vă rugăm să întrebați personalul.
form-step = Pasul { $step } din { $total }
form-next = Înainte
form-back = Pasul anterior
form-summary = Vă rugăm să verificați răspunsurile.
form-change = Modificați
form-print = Tipăriți cererea
form-printed = Cererea este gata. Semnați-o și depuneți-o.
form-add-entry = Adăugați încă unul
form-remove-entry = Ștergeți
form-entry = { $label } { $number }
form-offer = Deja introdus: { $value }
form-offer-use = Folosiți
form-german = Arată în germană
form-own-language = Înapoi la limba mea
form-online = Continuați online
form-privacy = Protecția datelor
form-optional = opțional
form-required = Vă rugăm să răspundeți la această întrebare.
form-constraint = Acest răspuns nu se potrivește. Vă rugăm să îl verificați.
form-invalid-integer = Introduceți doar un număr întreg, de exemplu 3.
form-invalid-decimal = Introduceți un număr, de exemplu 450,50.
form-invalid-date = Introduceți o dată: zi.lună.an, de exemplu 24.12.1980.
form-invalid-iban-format = Un IBAN începe cu două litere și două cifre. În Germania are 22 de caractere. Îl găsiți pe cardul bancar.
form-invalid-iban-checksum = Acest IBAN nu este corect. Poate lipsește o cifră sau două cifre sunt inversate. Comparați-l cu cardul bancar.
form-invalid-tax-id-format = Codul fiscal are 11 cifre. Îl găsiți în scrisorile de la fisc.
form-invalid-tax-id-checksum = Acest cod fiscal nu este corect. Verificați fiecare cifră.
form-invalid-social-insurance-format = Numărul de asigurare socială are 12 caractere: 8 cifre, o literă, 3 cifre.
form-invalid-social-insurance-checksum = Acest număr de asigurare socială nu este corect. Verificați fiecare caracter.
form-invalid-postcode = Codul poștal are 5 cifre, de exemplu 04109.
form-invalid-phone = Introduceți un număr de telefon din cifre, de exemplu 0341 1234567.
form-invalid-email = Introduceți o adresă de e-mail, de exemplu name@example.org.
form-invalid-birth-future = Această dată de naștere este în viitor. Verificați anul.
form-invalid-birth-early = Această dată de naștere este acum mai mult de 120 de ani. Verificați anul.
form-pdf-documents = Vă rugăm să aduceți
form-pdf-online = Această cerere există și online
form-pdf-signature = Locul, data, semnătura
form-pdf-fim = Identificatori de câmp după catalogul de câmpuri FIM
