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
help-none = Dazu haben wir leider nichts gefunden. Wählen Sie ein Thema, fragen Sie das Personal oder rufen Sie eine der Nummern unten an.
help-crisis-title = Hier erreichen Sie immer jemanden
help-categories-title = Themen
help-filters-title = Nur zeigen, was …
help-phone = Telefon: { $phone }
help-more = Mehr dazu
filter-open-now = jetzt geöffnet ist
filter-free = kostenlos ist
filter-walk-in = ohne Termin geht
filter-my-language = meine Sprache spricht
filter-wheelchair = rollstuhlgerecht ist
filter-women = für Frauen ist
filter-young = für junge Menschen ist
status-open-until = Jetzt geöffnet, bis { $time } Uhr
status-open-always = Jetzt geöffnet, rund um die Uhr
status-opens-in =
    { $minutes ->
        [one] Öffnet in 1 Minute
       *[other] Öffnet in { $minutes } Minuten
    }
status-opens-today = Geschlossen, öffnet heute um { $time } Uhr
status-opens-tomorrow = Geschlossen, öffnet morgen um { $time } Uhr
status-opens-on = Geschlossen, öffnet am { $day } um { $time } Uhr
status-closed = Zurzeit geschlossen
status-appointment = Nur mit Termin
distance-metres = { $metres } m
distance-km = { $km } km
distance-towards = { $distance }, Richtung { $landmark }
distance-compass = { $distance } { $compass }
direction-n = nach Norden
direction-ne = nach Nordosten
direction-e = nach Osten
direction-se = nach Südosten
direction-s = nach Süden
direction-sw = nach Südwesten
direction-w = nach Westen
direction-nw = nach Nordwesten
weekday-mon = Montag
weekday-tue = Dienstag
weekday-wed = Mittwoch
weekday-thu = Donnerstag
weekday-fri = Freitag
weekday-sat = Samstag
weekday-sun = Sonntag
days-daily = täglich
days-range = { $first } bis { $last }
hours-range = { $days }: { $opens } bis { $closes } Uhr
hours-whole-day = { $days }: rund um die Uhr
hours-today = heute
hours-holidays-closed = An Feiertagen geschlossen.
hours-holidays-open = Auch an Feiertagen geöffnet.
hours-closed-on = Außerdem geschlossen am { $dates }.
detail-hours = Öffnungszeiten
detail-address = Adresse
detail-way = So finden Sie hin
detail-bring = Bitte mitbringen
detail-who = Wer kann kommen?
detail-costs = Kosten
detail-languages = Hier spricht man
detail-access = Termin und Zugang
who-everyone = Alle können kommen.
who-women = Nur für Frauen.
who-young = Für junge Menschen bis 27 Jahre.
cost-free = Kostenlos.
cost-unknown = Bitte fragen Sie vor Ort.
access-appointment = Bitte machen Sie vorher einen Termin.
access-walk-in = Sie können ohne Termin kommen.
access-wheelchair = Ohne Stufen erreichbar.
access-steps = Mit Stufen, nicht rollstuhlgerecht.
detail-map = Auf der Karte zeigen
map-zoom-in = Näher
map-zoom-out = Weiter weg
map-schematic = Für diese Gegend ist keine Karte geladen. Die Linie zeigt Richtung und Entfernung.
slip-qr = Mit dem Handy scannen: alles als Text, ohne Internet.
slip-print = Zettel drucken
slip-saved = Der Zettel ist fertig. Bitte fragen Sie das Personal nach dem Ausdruck.
slip-failed = Der Zettel konnte nicht erstellt werden. Bitte fragen Sie das Personal.
category-sleep = Schlafen
category-food = Essen
category-clothes-showers = Kleidung und Duschen
category-health = Gesundheit
category-money = Geld und Leistungen
category-debts = Schulden
category-housing = Wohnen
category-family = Familie und Kinder
category-migration = Migration und Asyl
category-addiction = Sucht
category-violence-crisis = Gewalt und Krisen
category-legal = Rechtsberatung
category-work = Arbeit
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

## Forms

tile-forms = Anträge ausfüllen
forms-title = Anträge ausfüllen
forms-intro = Wählen Sie einen Antrag. Wir fragen Schritt für Schritt. Am Ende drucken Sie ihn aus.
forms-search-placeholder = Antrag suchen
forms-none = Dazu gibt es hier keinen Antrag. Bitte fragen Sie das Personal.
form-step = Schritt { $step } von { $total }
form-next = Weiter
form-back = Vorheriger Schritt
form-summary = Bitte prüfen Sie Ihre Angaben.
form-change = Ändern
form-print = Antrag drucken
form-printed = Ihr Antrag ist fertig. Unterschreiben Sie ihn und geben Sie ihn ab.
form-add-entry = Weitere hinzufügen
form-remove-entry = Entfernen
form-entry = { $label } { $number }
form-offer = Schon eingegeben: { $value }
form-offer-use = Übernehmen
form-german = Auf Deutsch zeigen
form-own-language = Zurück zu meiner Sprache
form-online = Online weitermachen
form-privacy = Datenschutz
form-optional = freiwillig
form-required = Bitte beantworten Sie diese Frage.
form-constraint = Diese Angabe passt nicht. Bitte prüfen Sie sie.
form-invalid-integer = Bitte nur eine ganze Zahl eingeben, zum Beispiel 3.
form-invalid-decimal = Bitte eine Zahl eingeben, zum Beispiel 450,50.
form-invalid-date = Bitte ein Datum eingeben: Tag.Monat.Jahr, zum Beispiel 24.12.1980.
form-invalid-iban-format = Eine IBAN beginnt mit zwei Buchstaben und zwei Ziffern. In Deutschland hat sie 22 Zeichen. Sie steht auf Ihrer Bankkarte.
form-invalid-iban-checksum = Diese IBAN stimmt nicht. Vielleicht fehlt eine Ziffer oder zwei sind vertauscht. Bitte vergleichen Sie sie mit Ihrer Bankkarte.
form-invalid-tax-id-format = Die Steuer-ID hat 11 Ziffern. Sie steht auf Briefen vom Finanzamt.
form-invalid-tax-id-checksum = Diese Steuer-ID stimmt nicht. Bitte prüfen Sie jede Ziffer.
form-invalid-social-insurance-format = Die Rentenversicherungsnummer hat 12 Zeichen: 8 Ziffern, einen Buchstaben, 3 Ziffern.
form-invalid-social-insurance-checksum = Diese Rentenversicherungsnummer stimmt nicht. Bitte prüfen Sie jedes Zeichen.
form-invalid-postcode = Eine Postleitzahl hat 5 Ziffern, zum Beispiel 04109.
form-invalid-phone = Bitte eine Telefonnummer mit Ziffern eingeben, zum Beispiel 0341 1234567.
form-invalid-email = Bitte eine E-Mail-Adresse eingeben, zum Beispiel name@beispiel.de.
form-invalid-birth-future = Dieses Geburtsdatum liegt in der Zukunft. Bitte prüfen Sie das Jahr.
form-invalid-birth-early = Dieses Geburtsdatum liegt mehr als 120 Jahre zurück. Bitte prüfen Sie das Jahr.
form-pdf-documents = Bitte mitbringen
form-pdf-online = Diesen Antrag gibt es auch online
form-pdf-signature = Ort, Datum, Unterschrift
form-pdf-fim = Feldkennungen nach dem FIM-Baukasten Datenfelder
