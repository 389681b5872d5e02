# Anlauf kiosk — Polish.
# Same message ids as the German reference, in the same order.
# Impersonal public-signage style ("Proszę …", nouns, short button imperatives); no Pan/Pani.

## Names of languages (each file names every language in its own language)

language-de = Niemiecki
language-de-x-ls = Prosty niemiecki
language-en = Angielski
language-ar = Arabski
language-fa = Perski
language-uk = Ukraiński
language-ru = Rosyjski
language-tr = Turecki
language-ro = Rumuński
language-bg = Bułgarski
language-pl = Polski

## Attract screen

attract-touch = Proszę dotknąć ekranu, aby zacząć.
attract-subtitle = Pomoc w pobliżu, wypełnianie wniosków, informacje – bezpłatnie.
attract-privacy = Po zakończeniu wszystko zostanie usunięte.

## Top bar

bar-home = Start
bar-back = Wstecz
bar-read-aloud = Czytanie na głos
bar-end = Zakończ sesję

## Home screen

home-title = W czym możemy pomóc?
tile-find-help = Znajdź pomoc
tile-language = Język
tile-display = Ekran
tile-read-aloud = Czytanie na głos
tile-end-session = Zakończ sesję

## Language picker

language-title = Proszę wybrać język.

## Display settings

display-title = Ekran
display-text-size = Wielkość tekstu
display-text-size-value = { $percent } %
display-contrast = Kontrast
display-contrast-normal = Normalny
display-contrast-high = Wysoki kontrast
display-preview = Tak teraz wygląda tekst. Ten wybór obowiązuje do końca sesji.

## Find help

help-title = Znajdź pomoc
help-search-placeholder = Proszę dotknąć tutaj i wpisać szukane słowo.
help-search-sample = jedzenie
help-clear = Wyczyść
help-all = Wszystkie
help-results =
    { $count ->
        [one] Znaleziono { $count } usługę
        [few] Znaleziono { $count } usługi
        [many] Znaleziono { $count } usług
       *[other] Znaleziono { $count } usługi
    }
help-none = Niestety nic nie znaleźliśmy. Proszę wybrać temat lub zapytać personel.
help-crisis-title = Tu zawsze ktoś odbierze
help-categories-title = Tematy
help-filters-title = Pokaż tylko
help-phone = Telefon: { $phone }
help-more = Więcej
filter-open-now = otwarte teraz
filter-free = za darmo
filter-walk-in = bez umawiania
filter-my-language = w moim języku
filter-wheelchair = dla wózka
filter-women = dla kobiet
filter-young = dla młodych
status-open-until = Teraz otwarte, do { $time }
status-open-always = Teraz otwarte, całą dobę
status-opens-in =
    { $minutes ->
        [one] Otwarcie za 1 minutę
        [few] Otwarcie za { $minutes } minuty
        [many] Otwarcie za { $minutes } minut
       *[other] Otwarcie za { $minutes } minuty
    }
status-opens-today = Zamknięte, otwarcie dziś o { $time }
status-opens-tomorrow = Zamknięte, otwarcie jutro o { $time }
status-opens-on = Zamknięte, otwarcie: { $day }, o { $time }
status-closed = Teraz zamknięte
status-appointment = Tylko po umówieniu
distance-metres = { $metres } m
distance-km = { $km } km
distance-towards = { $distance }, w stronę { $landmark }
distance-compass = { $distance } { $compass }
direction-n = na północ
direction-ne = na północny wschód
direction-e = na wschód
direction-se = na południowy wschód
direction-s = na południe
direction-sw = na południowy zachód
direction-w = na zachód
direction-nw = na północny zachód
weekday-mon = poniedziałek
weekday-tue = wtorek
weekday-wed = środa
weekday-thu = czwartek
weekday-fri = piątek
weekday-sat = sobota
weekday-sun = niedziela
days-daily = Codziennie
days-range = { $first } – { $last }
hours-range = { $days }: od { $opens } do { $closes }
hours-whole-day = { $days }: całą dobę
hours-today = dziś
hours-holidays-closed = W święta zamknięte.
hours-holidays-open = Otwarte także w święta.
hours-closed-on = Zamknięte także { $dates }.
detail-hours = Godziny otwarcia
detail-address = Adres
detail-way = Jak trafić
detail-bring = Proszę zabrać
detail-who = Kto może przyjść?
detail-costs = Koszt
detail-languages = Tu mówi się
detail-access = Umówienie i dostęp
who-everyone = Każdy może przyjść.
who-women = Tylko dla kobiet.
who-young = Dla młodych do 27 lat.
cost-free = Za darmo.
cost-unknown = Proszę zapytać na miejscu.
access-appointment = Proszę wcześniej się umówić.
access-walk-in = Można przyjść bez umawiania.
access-wheelchair = Wejście bez schodów.
access-steps = Są schody, nie dla wózka.
detail-map = Pokaż na mapie
map-zoom-in = Bliżej
map-zoom-out = Dalej
map-schematic = Dla tej okolicy nie ma mapy. Linia pokazuje kierunek i odległość.
slip-qr = Zeskanuj telefonem: wszystko jako tekst, bez internetu.
slip-print = Wydrukuj kartkę
slip-saved = Kartka jest gotowa. Poproś personel o wydruk.
slip-failed = Nie udało się przygotować kartki. Zapytaj personel.
category-sleep = Nocleg
category-food = Jedzenie
category-clothes-showers = Ubrania i prysznice
category-health = Zdrowie
category-money = Pieniądze i świadczenia
category-debts = Długi
category-housing = Mieszkanie
category-family = Rodzina i dzieci
category-migration = Migracja i azyl
category-addiction = Uzależnienia
category-violence-crisis = Przemoc i kryzys
category-legal = Porada prawna
category-work = Praca
category-documents-post = Dokumenty i poczta

## On-screen keyboard

osk-symbols = 123
osk-letters = ABC
osk-done = Gotowe

## End of a session

countdown-title = Czy ktoś jeszcze korzysta?
countdown-text =
    { $seconds ->
        [one] Sesja skończy się za { $seconds } sekundę. Potem wszystko zostanie usunięte.
        [few] Sesja skończy się za { $seconds } sekundy. Potem wszystko zostanie usunięte.
        [many] Sesja skończy się za { $seconds } sekund. Potem wszystko zostanie usunięte.
       *[other] Sesja skończy się za { $seconds } sekundy. Potem wszystko zostanie usunięte.
    }
countdown-stay = Nadal korzystam
countdown-end = Zakończ teraz
confirm-end-title = Zakończyć sesję?
confirm-end-text = Wszystko, co zostało wpisane lub wybrane, zostanie usunięte.
confirm-end-yes = Tak, zakończ
confirm-end-no = Nie, kontynuuj

## Read aloud

speech-no-voice = Niestety czytanie na głos nie jest dostępne w tym języku.
speech-unavailable = Czytanie na głos teraz nie działa. Proszę zapytać personel.
notice-close = Zamknij

## Notices for staff (shown on the attract screen)

staff-config = Ustawienia { $path }: { $problem }
staff-translation = Błąd w tłumaczeniu: { $problem }
staff-font = Nie znaleziono czcionki dla: { $script }. Proszę zainstalować pakiet fonts-noto-core.
staff-input = Dotyk jest rozpoznawany tylko w oknie kiosku: { $reason }
staff-display-small = Ekran ma rozmiar { $width }×{ $height }. Anlauf wymaga co najmniej 1024×600.
script-latin = alfabet łaciński
script-cyrillic = cyrylica
script-arabic = alfabet arabski

## Forms

tile-forms = Wypełnianie wniosków
forms-title = Wypełnianie wniosków
forms-intro = Wybierz wniosek. Pytamy krok po kroku. Na końcu go drukujesz.
forms-search-placeholder = Szukaj wniosku
forms-none = Nie ma tu wniosku w tej sprawie. Zapytaj personel.
form-step = Krok { $step } z { $total }
form-next = Dalej
form-back = Poprzedni krok
form-summary = Sprawdź swoje odpowiedzi.
form-change = Zmień
form-print = Drukuj wniosek
form-printed = Twój wniosek jest gotowy. Podpisz go i złóż.
form-add-entry = Dodaj kolejną
form-remove-entry = Usuń
form-entry = { $label } { $number }
form-offer = Już wpisano: { $value }
form-offer-use = Użyj
form-german = Pokaż po niemiecku
form-own-language = Wróć do mojego języka
form-online = Kontynuuj online
form-privacy = Ochrona danych
form-optional = opcjonalnie
form-required = Odpowiedz na to pytanie.
form-constraint = Ta odpowiedź nie pasuje. Sprawdź ją.
form-invalid-integer = Wpisz tylko liczbę całkowitą, na przykład 3.
form-invalid-decimal = Wpisz liczbę, na przykład 450,50.
form-invalid-date = Wpisz datę: dzień.miesiąc.rok, na przykład 24.12.1980.
form-invalid-iban-format = IBAN zaczyna się od dwóch liter i dwóch cyfr. W Niemczech ma 22 znaki. Jest na twojej karcie bankowej.
form-invalid-iban-checksum = Ten IBAN jest nieprawidłowy. Może brakuje cyfry albo dwie są zamienione. Porównaj go z kartą bankową.
form-invalid-tax-id-format = Numer podatkowy ma 11 cyfr. Jest w listach z urzędu skarbowego.
form-invalid-tax-id-checksum = Ten numer podatkowy jest nieprawidłowy. Sprawdź każdą cyfrę.
form-invalid-social-insurance-format = Numer ubezpieczenia społecznego ma 12 znaków: 8 cyfr, literę, 3 cyfry.
form-invalid-social-insurance-checksum = Ten numer ubezpieczenia społecznego jest nieprawidłowy. Sprawdź każdy znak.
form-invalid-postcode = Kod pocztowy ma 5 cyfr, na przykład 04109.
form-invalid-phone = Wpisz numer telefonu cyframi, na przykład 0341 1234567.
form-invalid-email = Wpisz adres e-mail, na przykład name@example.org.
form-invalid-birth-future = Ta data urodzenia jest w przyszłości. Sprawdź rok.
form-invalid-birth-early = Ta data urodzenia jest sprzed ponad 120 lat. Sprawdź rok.
form-pdf-documents = Proszę zabrać
form-pdf-online = Ten wniosek można złożyć także online
form-pdf-signature = Miejscowość, data, podpis
form-pdf-fim = Identyfikatory pól według katalogu pól FIM
