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
help-crisis-title = Тут вам завжди відповідять
help-categories-title = Теми
help-filters-title = Показати лише
help-phone = Телефон: { $phone }
help-more = Докладніше
filter-open-now = відчинено зараз
filter-free = безкоштовно
filter-walk-in = без запису
filter-my-language = моєю мовою
filter-wheelchair = для візка
filter-women = для жінок
filter-young = для молоді
status-open-until = Зараз відчинено, до { $time }
status-open-always = Зараз відчинено, цілодобово
status-opens-in =
    { $minutes ->
        [one] Відчиниться через { $minutes } хвилину
        [few] Відчиниться через { $minutes } хвилини
        [many] Відчиниться через { $minutes } хвилин
       *[other] Відчиниться через { $minutes } хвилини
    }
status-opens-today = Зачинено, відчиниться сьогодні о { $time }
status-opens-tomorrow = Зачинено, відчиниться завтра о { $time }
status-opens-on = Зачинено, відчиниться: { $day }, о { $time }
status-closed = Зараз зачинено
status-appointment = Лише за записом
distance-metres = { $metres } м
distance-km = { $km } км
distance-towards = { $distance }, у напрямку { $landmark }
distance-compass = { $distance } { $compass }
direction-n = на північ
direction-ne = на північний схід
direction-e = на схід
direction-se = на південний схід
direction-s = на південь
direction-sw = на південний захід
direction-w = на захід
direction-nw = на північний захід
weekday-mon = понеділок
weekday-tue = вівторок
weekday-wed = середа
weekday-thu = четвер
weekday-fri = пʼятниця
weekday-sat = субота
weekday-sun = неділя
days-daily = Щодня
days-range = { $first } – { $last }
hours-range = { $days }: з { $opens } до { $closes }
hours-whole-day = { $days }: цілодобово
hours-today = сьогодні
hours-holidays-closed = У державні свята зачинено.
hours-holidays-open = Відчинено і у свята.
hours-closed-on = Також зачинено { $dates }.
detail-hours = Години роботи
detail-address = Адреса
detail-way = Як знайти
detail-bring = Візьміть із собою
detail-who = Хто може прийти?
detail-costs = Вартість
detail-languages = Тут говорять
detail-access = Запис і доступ
who-everyone = Прийти може кожен.
who-women = Лише для жінок.
who-young = Для молоді до 27 років.
cost-free = Безкоштовно.
cost-unknown = Запитайте на місці.
access-appointment = Будь ласка, запишіться заздалегідь.
access-walk-in = Можна прийти без запису.
access-wheelchair = Вхід без сходинок.
access-steps = Є сходинки, не для візка.
detail-map = Показати на мапі
map-zoom-in = Ближче
map-zoom-out = Далі
map-schematic = Для цього району мапи немає. Лінія показує напрямок і відстань.
slip-qr = Скануйте телефоном: усе як текст, без інтернету.
slip-print = Надрукувати записку
slip-saved = Записка готова. Попросіть роздруківку в персоналу.
slip-failed = Не вдалося зробити записку. Зверніться до персоналу.
category-sleep = Ночівля
category-food = Їжа
category-clothes-showers = Одяг і душ
category-health = Здоров’я
category-money = Гроші та допомога
category-debts = Борги
category-housing = Житло
category-family = Сім'я та діти
category-migration = Міграція та притулок
category-addiction = Залежність
category-violence-crisis = Насильство та криза
category-legal = Юридична допомога
category-work = Робота
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

## Forms

tile-forms = Заповнити заяви
forms-title = Заповнити заяви
forms-intro = Оберіть заяву. Ми запитуємо крок за кроком. Наприкінці ви її друкуєте.
forms-search-placeholder = Шукати заяву
forms-none = Такої заяви тут немає. Будь ласка, зверніться до персоналу.
form-step = Крок { $step } з { $total }
form-next = Далі
form-back = Попередній крок
form-summary = Будь ласка, перевірте свої відповіді.
form-change = Змінити
form-print = Надрукувати заяву
form-printed = Ваша заява готова. Підпишіть її та подайте.
form-add-entry = Додати ще
form-remove-entry = Видалити
form-entry = { $label } { $number }
form-offer = Уже введено: { $value }
form-offer-use = Використати
form-german = Показати німецькою
form-own-language = Назад до моєї мови
form-online = Продовжити онлайн
form-privacy = Захист даних
form-optional = необов’язково
form-required = Будь ласка, дайте відповідь на це запитання.
form-constraint = Ця відповідь не підходить. Будь ласка, перевірте її.
form-invalid-integer = Будь ласка, введіть лише ціле число, наприклад 3.
form-invalid-decimal = Будь ласка, введіть число, наприклад 450,50.
form-invalid-date = Будь ласка, введіть дату: день.місяць.рік, наприклад 24.12.1980.
form-invalid-iban-format = IBAN починається з двох літер і двох цифр. У Німеччині він має 22 знаки. Він є на вашій банківській картці.
form-invalid-iban-checksum = Цей IBAN неправильний. Можливо, бракує цифри або дві цифри переставлено. Порівняйте його з банківською карткою.
form-invalid-tax-id-format = Податковий номер має 11 цифр. Він є в листах від податкової.
form-invalid-tax-id-checksum = Цей податковий номер неправильний. Перевірте кожну цифру.
form-invalid-social-insurance-format = Номер соціального страхування має 12 знаків: 8 цифр, літера, 3 цифри.
form-invalid-social-insurance-checksum = Цей номер соціального страхування неправильний. Перевірте кожен знак.
form-invalid-postcode = Поштовий індекс має 5 цифр, наприклад 04109.
form-invalid-phone = Будь ласка, введіть номер телефону цифрами, наприклад 0341 1234567.
form-invalid-email = Будь ласка, введіть адресу електронної пошти, наприклад name@example.org.
form-invalid-birth-future = Ця дата народження в майбутньому. Перевірте рік.
form-invalid-birth-early = Ця дата народження понад 120 років тому. Перевірте рік.
form-pdf-documents = Будь ласка, візьміть із собою
form-pdf-online = Цю заяву можна подати й онлайн
form-pdf-signature = Місце, дата, підпис
form-pdf-fim = Ідентифікатори полів за каталогом полів FIM
