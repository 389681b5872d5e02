# Anlauf kiosk — Easy Language German (Leichte Sprache).
# Same message ids as the German reference, in the same order.
# Short sentences, one statement each; address visitors with "Sie"; no passive.

## Names of languages (each file names every language in its own language)

language-de = Deutsch
language-de-x-ls = Leichte Sprache
language-en = Englisch
language-ar = Arabisch
language-fa = Persisch
language-uk = Ukrainisch
language-ru = Russisch
language-tr = Türkisch
language-ro = Rumänisch
language-bg = Bulgarisch
language-pl = Polnisch

## Attract screen

attract-touch = Berühren Sie den Bildschirm. Dann geht es los.
attract-subtitle = Hier finden Sie Hilfe in der Nähe. Sie können Anträge ausfüllen. Sie können Informationen lesen. Alles ist kostenlos.
attract-privacy = Sind Sie fertig? Dann löschen wir alles.

## Top bar

bar-home = Start
bar-back = Zurück
bar-read-aloud = Vorlesen
bar-end = Fertig

## Home screen

home-title = Was möchten Sie machen?
tile-find-help = Hilfe finden
tile-language = Sprache
tile-display = Bildschirm
tile-read-aloud = Vorlesen
tile-end-session = Fertig

## Language picker

language-title = Wählen Sie Ihre Sprache.

## Display settings

display-title = Bildschirm
display-text-size = Schrift-Größe
display-text-size-value = { $percent } %
display-contrast = Hell und Dunkel
display-contrast-normal = Normal
display-contrast-high = Besonders deutlich
display-preview = So sieht die Schrift jetzt aus. Das bleibt so, bis Sie fertig sind.

## Find help

help-title = Hilfe finden
help-search-placeholder = Tippen Sie hier. Schreiben Sie, was Sie suchen.
help-search-sample = Essen
help-clear = Löschen
help-all = Alle
help-results =
    { $count ->
        [one] Wir haben 1 Angebot gefunden.
       *[other] Wir haben { $count } Angebote gefunden.
    }
help-none = Wir haben leider nichts gefunden. Wählen Sie ein Thema. Oder fragen Sie die Menschen, die hier arbeiten.
help-phone = Telefon: { $phone }
hours-range = { $days }: von { $opens } Uhr bis { $closes } Uhr
days-daily = Jeden Tag
days-mon-fri = Montag bis Freitag
days-mon-thu = Montag bis Donnerstag
days-sat-sun = Samstag und Sonntag
days-mon = Montag
days-tue = Dienstag
days-wed = Mittwoch
days-thu = Donnerstag
days-fri = Freitag
category-sleep = Schlafen
category-food = Essen
category-clothes-showers = Kleidung und Duschen
category-health = Gesundheit
category-debts = Schulden
category-documents-post = Papiere und Briefe

## On-screen keyboard

osk-symbols = 123
osk-letters = ABC
osk-done = Fertig

## End of a session

countdown-title = Sind Sie noch da?
countdown-text =
    { $seconds ->
        [one] Noch 1 Sekunde. Dann löschen wir alles.
       *[other] Noch { $seconds } Sekunden. Dann löschen wir alles.
    }
countdown-stay = Ich bin noch da
countdown-end = Jetzt beenden
confirm-end-title = Sind Sie fertig?
confirm-end-text = Dann löschen wir alles, was Sie geschrieben oder gewählt haben.
confirm-end-yes = Ja, ich bin fertig
confirm-end-no = Nein, ich mache weiter

## Read aloud

speech-no-voice = Vorlesen geht leider nur in anderen Sprachen.
speech-unavailable = Vorlesen geht gerade nicht. Bitte fragen Sie die Menschen, die hier arbeiten.
notice-close = Schließen

## Notices for staff (shown on the attract screen; staff read standard German)

staff-config = Einstellungen { $path }: { $problem }
staff-translation = Übersetzung fehlerhaft: { $problem }
staff-font = Keine Schrift für { $script } gefunden. Bitte das Paket fonts-noto-core installieren.
staff-input = Berührungen werden nur im Kiosk-Fenster erkannt: { $reason }
staff-display-small = Der Bildschirm ist { $width }×{ $height } groß. Anlauf braucht mindestens 1024×600.
script-latin = lateinische Schrift
script-cyrillic = kyrillische Schrift
script-arabic = arabische Schrift
