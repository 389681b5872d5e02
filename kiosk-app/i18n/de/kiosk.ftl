# Anlauf kiosk — German, the reference language.
# Every other language file has exactly these message ids.
# Address visitors with "Sie"; short sentences; no jargon.

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

attract-touch = Berühren Sie den Bildschirm, um zu beginnen.
attract-subtitle = Hilfe in der Nähe finden, Anträge ausfüllen, Informationen lesen – kostenlos.
attract-privacy = Wenn Sie fertig sind, wird alles gelöscht.

## Top bar

bar-home = Start
bar-back = Zurück
bar-read-aloud = Vorlesen
bar-end = Sitzung beenden

## Home screen

home-title = Was möchten Sie tun?
tile-find-help = Hilfe finden
tile-language = Sprache
tile-display = Anzeige
tile-read-aloud = Vorlesen
tile-end-session = Sitzung beenden

## Language picker

language-title = Wählen Sie Ihre Sprache.

## Display settings

display-title = Anzeige
display-text-size = Schriftgröße
display-text-size-value = { $percent } %
display-contrast = Kontrast
display-contrast-normal = Normal
display-contrast-high = Hoher Kontrast
display-preview = So sieht Text jetzt aus. Ihre Auswahl gilt, bis Sie die Sitzung beenden.

## Find help

help-title = Hilfe finden
help-search-placeholder = Tippen Sie hier und schreiben Sie, was Sie suchen.
help-search-sample = Essen
help-clear = Löschen
help-all = Alle
help-results =
    { $count ->
        [one] 1 Angebot gefunden
       *[other] { $count } Angebote gefunden
    }
help-none = Dazu haben wir leider nichts gefunden. Wählen Sie ein Thema oder fragen Sie das Personal.
help-phone = Telefon: { $phone }
hours-range = { $days }: { $opens } bis { $closes } Uhr
days-daily = täglich
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
category-documents-post = Papiere und Post

## On-screen keyboard

osk-symbols = 123
osk-letters = ABC
osk-done = Fertig

## End of a session

countdown-title = Sind Sie noch da?
countdown-text =
    { $seconds ->
        [one] Die Sitzung endet in 1 Sekunde. Dann wird alles gelöscht.
       *[other] Die Sitzung endet in { $seconds } Sekunden. Dann wird alles gelöscht.
    }
countdown-stay = Ich bin noch da
countdown-end = Jetzt beenden
confirm-end-title = Sitzung beenden?
confirm-end-text = Alles, was Sie eingegeben oder ausgewählt haben, wird gelöscht.
confirm-end-yes = Ja, beenden
confirm-end-no = Nein, weitermachen

## Read aloud

speech-no-voice = Vorlesen gibt es für diese Sprache leider nicht.
speech-unavailable = Vorlesen geht gerade nicht. Bitte fragen Sie das Personal.
notice-close = Schließen

## Notices for staff (shown on the attract screen)

staff-config = Einstellungen { $path }: { $problem }
staff-translation = Übersetzung fehlerhaft: { $problem }
staff-font = Keine Schrift für { $script } gefunden. Bitte das Paket fonts-noto-core installieren.
staff-input = Berührungen werden nur im Kiosk-Fenster erkannt: { $reason }
staff-display-small = Der Bildschirm ist { $width }×{ $height } groß. Anlauf braucht mindestens 1024×600.
script-latin = lateinische Schrift
script-cyrillic = kyrillische Schrift
script-arabic = arabische Schrift
