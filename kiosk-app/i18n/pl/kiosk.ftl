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
help-phone = Telefon: { $phone }
hours-range = { $days }: od { $opens } do { $closes }
days-daily = Codziennie
days-mon-fri = Poniedziałek – piątek
days-mon-thu = Poniedziałek – czwartek
days-sat-sun = Sobota i niedziela
days-mon = Poniedziałek
days-tue = Wtorek
days-wed = Środa
days-thu = Czwartek
days-fri = Piątek
category-sleep = Nocleg
category-food = Jedzenie
category-clothes-showers = Ubrania i prysznice
category-health = Zdrowie
category-debts = Długi
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
