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
help-crisis-title = Hier können Sie immer anrufen
help-categories-title = Themen
help-filters-title = Nur zeigen, was …
help-phone = Telefon: { $phone }
help-more = Mehr
filter-open-now = jetzt offen ist
filter-free = nichts kostet
filter-walk-in = ohne Termin geht
filter-my-language = meine Sprache spricht
filter-wheelchair = für Roll-Stuhl geht
filter-women = für Frauen ist
filter-young = für junge Menschen ist
status-open-until = Jetzt offen. Bis { $time } Uhr.
status-open-always = Jetzt offen. Immer offen, Tag und Nacht.
status-opens-in =
    { $minutes ->
        [one] Öffnet in 1 Minute.
       *[other] Öffnet in { $minutes } Minuten.
    }
status-opens-today = Jetzt zu. Öffnet heute um { $time } Uhr.
status-opens-tomorrow = Jetzt zu. Öffnet morgen um { $time } Uhr.
status-opens-on = Jetzt zu. Öffnet am { $day } um { $time } Uhr.
status-closed = Jetzt zu.
status-appointment = Nur mit Termin.
distance-metres = { $metres } Meter
distance-km = { $km } Kilo-Meter
distance-towards = { $distance }, Richtung { $landmark }
distance-compass = { $distance } { $compass }
direction-n = nach Norden
direction-ne = nach Nord-Osten
direction-e = nach Osten
direction-se = nach Süd-Osten
direction-s = nach Süden
direction-sw = nach Süd-Westen
direction-w = nach Westen
direction-nw = nach Nord-Westen
weekday-mon = Montag
weekday-tue = Dienstag
weekday-wed = Mittwoch
weekday-thu = Donnerstag
weekday-fri = Freitag
weekday-sat = Samstag
weekday-sun = Sonntag
days-daily = Jeden Tag
days-range = { $first } bis { $last }
hours-range = { $days }: von { $opens } Uhr bis { $closes } Uhr
hours-whole-day = { $days }: Tag und Nacht offen
hours-today = heute
hours-holidays-closed = An Feier-Tagen ist zu.
hours-holidays-open = Auch an Feier-Tagen offen.
hours-closed-on = Auch zu am { $dates }.
detail-hours = Wann ist offen?
detail-address = Adresse
detail-way = So finden Sie hin
detail-bring = Bitte mit-bringen
detail-who = Wer kann kommen?
detail-costs = Was kostet es?
detail-languages = Hier spricht man
detail-access = Termin und Zugang
who-everyone = Alle können kommen.
who-women = Nur für Frauen.
who-young = Für junge Menschen bis 27 Jahre.
cost-free = Es kostet nichts.
cost-unknown = Fragen Sie dort.
access-appointment = Machen Sie vorher einen Termin.
access-walk-in = Sie können ohne Termin kommen.
access-wheelchair = Ohne Stufen. Gut mit Roll-Stuhl.
access-steps = Mit Stufen. Nicht gut mit Roll-Stuhl.
detail-map = Auf der Karte zeigen
map-zoom-in = Näher
map-zoom-out = Weiter weg
map-schematic = Es gibt keine Karte. Die Linie zeigt: In diese Richtung und so weit.
slip-qr = Mit dem Handy scannen. Dann haben Sie alles. Auch ohne Internet.
slip-print = Zettel drucken
slip-saved = Der Zettel ist fertig. Fragen Sie bitte das Personal nach dem Zettel.
slip-failed = Der Zettel hat nicht geklappt. Fragen Sie bitte das Personal.
category-sleep = Schlafen
category-food = Essen
category-clothes-showers = Kleidung und Duschen
category-health = Gesundheit
category-money = Geld und Hilfe vom Amt
category-debts = Schulden
category-housing = Wohnen
category-family = Familie und Kinder
category-migration = Migration und Asyl
category-addiction = Sucht
category-violence-crisis = Gewalt und Not
category-legal = Hilfe beim Recht
category-work = Arbeit
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

## Forms

tile-forms = Anträge ausfüllen
forms-title = Anträge ausfüllen
forms-intro = Wählen Sie einen Antrag. Wir fragen Sie Schritt für Schritt. Am Ende drucken Sie den Antrag aus.
forms-search-placeholder = Antrag suchen
forms-none = Diesen Antrag gibt es hier nicht. Fragen Sie bitte das Personal.
form-step = Schritt { $step } von { $total }
form-next = Weiter
form-back = Schritt zurück
form-summary = Bitte lesen Sie alles noch einmal. Stimmt alles?
form-change = Ändern
form-print = Antrag drucken
form-printed = Ihr Antrag ist fertig. Unterschreiben Sie den Antrag. Dann geben Sie den Antrag ab.
form-add-entry = Noch eine Person dazu
form-remove-entry = Weg-nehmen
form-entry = { $label } { $number }
form-offer = Das haben Sie schon geschrieben: { $value }
form-offer-use = Nehmen
form-german = Auf Deutsch zeigen
form-own-language = Zurück zu meiner Sprache
form-online = Im Internet weiter-machen
form-privacy = Ihre Daten
form-optional = freiwillig
form-required = Bitte antworten Sie auf diese Frage.
form-constraint = Das passt nicht. Bitte prüfen Sie das.
form-invalid-integer = Bitte nur eine Zahl ohne Komma schreiben. Zum Beispiel: 3.
form-invalid-decimal = Bitte eine Zahl schreiben. Zum Beispiel: 450,50.
form-invalid-date = Bitte ein Datum schreiben: Tag. Monat. Jahr. Zum Beispiel: 24.12.1980.
form-invalid-iban-format = Die IBAN beginnt mit 2 Buchstaben. Dann kommen 2 Zahlen. In Deutschland hat die IBAN 22 Zeichen. Die IBAN steht auf Ihrer Bank-Karte.
form-invalid-iban-checksum = Die IBAN stimmt nicht. Vielleicht fehlt eine Zahl. Bitte schauen Sie auf Ihre Bank-Karte.
form-invalid-tax-id-format = Die Steuer-ID hat 11 Zahlen. Sie steht auf Briefen vom Finanz-Amt.
form-invalid-tax-id-checksum = Die Steuer-ID stimmt nicht. Bitte prüfen Sie jede Zahl.
form-invalid-social-insurance-format = Die Renten-Nummer hat 12 Zeichen: 8 Zahlen, 1 Buchstabe, 3 Zahlen.
form-invalid-social-insurance-checksum = Die Renten-Nummer stimmt nicht. Bitte prüfen Sie jedes Zeichen.
form-invalid-postcode = Die Post-Leit-Zahl hat 5 Zahlen. Zum Beispiel: 04109.
form-invalid-phone = Bitte eine Telefon-Nummer mit Zahlen schreiben. Zum Beispiel: 0341 1234567.
form-invalid-email = Bitte eine E-Mail-Adresse schreiben. Zum Beispiel: name@beispiel.de.
form-invalid-birth-future = Dieser Geburts-Tag ist in der Zukunft. Bitte prüfen Sie das Jahr.
form-invalid-birth-early = Dieser Geburts-Tag ist mehr als 120 Jahre her. Bitte prüfen Sie das Jahr.
form-pdf-documents = Bitte mitbringen
form-pdf-online = Diesen Antrag gibt es auch im Internet
form-pdf-signature = Ort, Datum, Unterschrift
form-pdf-fim = Feld-Nummern vom FIM-Baukasten
