# Anlauf kiosk — Ukrainian.
# Same message ids as the German reference, in the same order.
# Polite plural address ("ви"), short sentences, no jargon.

## Names of languages (each file names every language in its own language)

language-de = Німецька
language-de-x-ls = Проста німецька
language-en = Англійська
language-ar = Арабська
language-fa = Перська
language-uk = Українська
language-ru = Російська
language-tr = Турецька
language-ro = Румунська
language-bg = Болгарська
language-pl = Польська

## Attract screen

attract-touch = Торкніться екрана, щоб почати.
attract-subtitle = Знайти допомогу поруч, заповнити заяви, прочитати інформацію – безкоштовно.
attract-privacy = Коли ви закінчите, усе буде видалено.

## Top bar

bar-home = Головна
bar-back = Назад
bar-read-aloud = Читати вголос
bar-end = Завершити сеанс

## Home screen

home-title = Що ви хочете зробити?
tile-find-help = Знайти допомогу
tile-language = Мова
tile-display = Екран
tile-read-aloud = Читати вголос
tile-end-session = Завершити сеанс

## Language picker

language-title = Оберіть свою мову.

## Display settings

display-title = Екран
display-text-size = Розмір тексту
display-text-size-value = { $percent } %
display-contrast = Контраст
display-contrast-normal = Звичайний
display-contrast-high = Високий контраст
display-preview = Так зараз виглядає текст. Ваш вибір діє до кінця сеансу.

## Find help

help-title = Знайти допомогу
help-search-placeholder = Торкніться тут і напишіть, що ви шукаєте.
help-search-sample = їжа
help-clear = Очистити
help-all = Усі
help-results =
    { $count ->
        [one] Знайдено { $count } послугу
        [few] Знайдено { $count } послуги
        [many] Знайдено { $count } послуг
       *[other] Знайдено { $count } послуги
    }
help-none = На жаль, нічого не знайдено. Оберіть тему або запитайте персонал.
help-phone = Телефон: { $phone }
hours-range = { $days }: з { $opens } до { $closes }
days-daily = Щодня
days-mon-fri = Понеділок – п’ятниця
days-mon-thu = Понеділок – четвер
days-sat-sun = Субота і неділя
days-mon = Понеділок
days-tue = Вівторок
days-wed = Середа
days-thu = Четвер
days-fri = П’ятниця
category-sleep = Ночівля
category-food = Їжа
category-clothes-showers = Одяг і душ
category-health = Здоров’я
category-debts = Борги
category-documents-post = Документи і пошта

## On-screen keyboard

osk-symbols = 123
osk-letters = АБВ
osk-done = Готово

## End of a session

countdown-title = Ви ще тут?
countdown-text =
    { $seconds ->
        [one] Сеанс завершиться через { $seconds } секунду. Потім усе буде видалено.
        [few] Сеанс завершиться через { $seconds } секунди. Потім усе буде видалено.
        [many] Сеанс завершиться через { $seconds } секунд. Потім усе буде видалено.
       *[other] Сеанс завершиться через { $seconds } секунди. Потім усе буде видалено.
    }
countdown-stay = Я ще тут
countdown-end = Завершити зараз
confirm-end-title = Завершити сеанс?
confirm-end-text = Усе, що ви ввели або вибрали, буде видалено.
confirm-end-yes = Так, завершити
confirm-end-no = Ні, продовжити

## Read aloud

speech-no-voice = На жаль, читання вголос недоступне для цієї мови.
speech-unavailable = Читання вголос зараз не працює. Будь ласка, зверніться до персоналу.
notice-close = Закрити

## Notices for staff (shown on the attract screen)

staff-config = Налаштування { $path }: { $problem }
staff-translation = Помилка в перекладі: { $problem }
staff-font = Не знайдено шрифту для письма: { $script }. Встановіть пакет fonts-noto-core.
staff-input = Дотики розпізнаються лише у вікні кіоску: { $reason }
staff-display-small = Розмір екрана { $width }×{ $height }. Anlauf потребує щонайменше 1024×600.
script-latin = латиниця
script-cyrillic = кирилиця
script-arabic = арабське письмо
