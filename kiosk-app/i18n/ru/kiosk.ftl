# Anlauf kiosk — Russian.
# Same message ids as the German reference, in the same order.
# Polite plural address ("вы"), short sentences, no jargon.

## Names of languages (each file names every language in its own language)

language-de = Немецкий
language-de-x-ls = Простой немецкий
language-en = Английский
language-ar = Арабский
language-fa = Персидский
language-uk = Украинский
language-ru = Русский
language-tr = Турецкий
language-ro = Румынский
language-bg = Болгарский
language-pl = Польский

## Attract screen

attract-touch = Коснитесь экрана, чтобы начать.
attract-subtitle = Найти помощь рядом, заполнить заявления, прочитать информацию – бесплатно.
attract-privacy = Когда вы закончите, всё будет удалено.

## Top bar

bar-home = Главная
bar-back = Назад
bar-read-aloud = Читать вслух
bar-end = Завершить сеанс

## Home screen

home-title = Что вы хотите сделать?
tile-find-help = Найти помощь
tile-language = Язык
tile-display = Экран
tile-read-aloud = Читать вслух
tile-end-session = Завершить сеанс

## Language picker

language-title = Выберите язык.

## Display settings

display-title = Экран
display-text-size = Размер текста
display-text-size-value = { $percent } %
display-contrast = Контраст
display-contrast-normal = Обычный
display-contrast-high = Высокий контраст
display-preview = Так сейчас выглядит текст. Ваш выбор действует до конца сеанса.

## Find help

help-title = Найти помощь
help-search-placeholder = Коснитесь здесь и напишите, что вы ищете.
help-search-sample = еда
help-clear = Очистить
help-all = Все
help-results =
    { $count ->
        [one] Найдена { $count } услуга
        [few] Найдено { $count } услуги
        [many] Найдено { $count } услуг
       *[other] Найдено { $count } услуги
    }
help-none = К сожалению, ничего не найдено. Выберите тему или спросите сотрудников.
help-crisis-title = Здесь вам всегда ответят
help-categories-title = Темы
help-filters-title = Показать только
help-phone = Телефон: { $phone }
help-more = Подробнее
filter-open-now = открыто сейчас
filter-free = бесплатно
filter-walk-in = без записи
filter-my-language = на моём языке
filter-wheelchair = для коляски
filter-women = для женщин
filter-young = для молодёжи
status-open-until = Сейчас открыто, до { $time }
status-open-always = Сейчас открыто, круглосуточно
status-opens-in =
    { $minutes ->
        [one] Откроется через { $minutes } минуту
        [few] Откроется через { $minutes } минуты
        [many] Откроется через { $minutes } минут
       *[other] Откроется через { $minutes } минуты
    }
status-opens-today = Закрыто, откроется сегодня в { $time }
status-opens-tomorrow = Закрыто, откроется завтра в { $time }
status-opens-on = Закрыто, откроется: { $day }, в { $time }
status-closed = Сейчас закрыто
status-appointment = Только по записи
distance-metres = { $metres } м
distance-km = { $km } км
distance-towards = { $distance }, в сторону { $landmark }
distance-compass = { $distance } { $compass }
direction-n = на север
direction-ne = на северо-восток
direction-e = на восток
direction-se = на юго-восток
direction-s = на юг
direction-sw = на юго-запад
direction-w = на запад
direction-nw = на северо-запад
weekday-mon = понедельник
weekday-tue = вторник
weekday-wed = среда
weekday-thu = четверг
weekday-fri = пятница
weekday-sat = суббота
weekday-sun = воскресенье
days-daily = Ежедневно
days-range = { $first } – { $last }
hours-range = { $days }: с { $opens } до { $closes }
hours-whole-day = { $days }: круглосуточно
hours-today = сегодня
hours-holidays-closed = В праздники закрыто.
hours-holidays-open = Открыто и в праздники.
hours-closed-on = Также закрыто { $dates }.
detail-hours = Часы работы
detail-address = Адрес
detail-way = Как найти
detail-bring = Возьмите с собой
detail-who = Кто может прийти?
detail-costs = Стоимость
detail-languages = Здесь говорят
detail-access = Запись и доступ
who-everyone = Прийти может каждый.
who-women = Только для женщин.
who-young = Для молодёжи до 27 лет.
cost-free = Бесплатно.
cost-unknown = Спросите на месте.
access-appointment = Пожалуйста, запишитесь заранее.
access-walk-in = Можно прийти без записи.
access-wheelchair = Вход без ступенек.
access-steps = Есть ступеньки, не для коляски.
detail-map = Показать на карте
map-zoom-in = Ближе
map-zoom-out = Дальше
map-schematic = Для этого района карты нет. Линия показывает направление и расстояние.
slip-qr = Отсканируйте телефоном: всё как текст, без интернета.
slip-print = Распечатать записку
slip-saved = Записка готова. Попросите распечатку у персонала.
slip-failed = Не удалось сделать записку. Обратитесь к персоналу.
category-sleep = Ночлег
category-food = Еда
category-clothes-showers = Одежда и душ
category-health = Здоровье
category-money = Деньги и пособия
category-debts = Долги
category-housing = Жильё
category-family = Семья и дети
category-migration = Миграция и убежище
category-addiction = Зависимость
category-violence-crisis = Насилие и кризис
category-legal = Юридическая помощь
category-work = Работа
category-documents-post = Документы и почта

## On-screen keyboard

osk-symbols = 123
osk-letters = АБВ
osk-done = Готово

## End of a session

countdown-title = Вы ещё здесь?
countdown-text =
    { $seconds ->
        [one] Сеанс закончится через { $seconds } секунду. Потом всё будет удалено.
        [few] Сеанс закончится через { $seconds } секунды. Потом всё будет удалено.
        [many] Сеанс закончится через { $seconds } секунд. Потом всё будет удалено.
       *[other] Сеанс закончится через { $seconds } секунды. Потом всё будет удалено.
    }
countdown-stay = Я ещё здесь
countdown-end = Завершить сейчас
confirm-end-title = Завершить сеанс?
confirm-end-text = Всё, что вы ввели или выбрали, будет удалено.
confirm-end-yes = Да, завершить
confirm-end-no = Нет, продолжить

## Read aloud

speech-no-voice = К сожалению, чтение вслух для этого языка недоступно.
speech-unavailable = Чтение вслух сейчас не работает. Пожалуйста, обратитесь к сотрудникам.
notice-close = Закрыть

## Notices for staff (shown on the attract screen)

staff-config = Настройки { $path }: { $problem }
staff-translation = Ошибка в переводе: { $problem }
staff-font = Не найден шрифт для письменности: { $script }. Установите пакет fonts-noto-core.
staff-input = Касания распознаются только в окне киоска: { $reason }
staff-display-small = Размер экрана { $width }×{ $height }. Для Anlauf нужно не меньше 1024×600.
script-latin = латиница
script-cyrillic = кириллица
script-arabic = арабское письмо

## Forms

tile-forms = Заполнить заявления
forms-title = Заполнить заявления
forms-intro = Выберите заявление. Мы спрашиваем шаг за шагом. В конце вы его распечатаете.
forms-search-placeholder = Искать заявление
forms-none = Такого заявления здесь нет. Пожалуйста, спросите персонал.
form-step = Шаг { $step } из { $total }
form-next = Далее
form-back = Предыдущий шаг
form-summary = Пожалуйста, проверьте свои ответы.
form-change = Изменить
form-print = Распечатать заявление
form-printed = Ваше заявление готово. Подпишите его и сдайте.
form-add-entry = Добавить ещё
form-remove-entry = Удалить
form-entry = { $label } { $number }
form-offer = Уже введено: { $value }
form-offer-use = Использовать
form-german = Показать на немецком
form-own-language = Назад к моему языку
form-online = Продолжить онлайн
form-privacy = Защита данных
form-optional = необязательно
form-required = Пожалуйста, ответьте на этот вопрос.
form-constraint = Этот ответ не подходит. Пожалуйста, проверьте его.
form-invalid-integer = Пожалуйста, введите только целое число, например 3.
form-invalid-decimal = Пожалуйста, введите число, например 450,50.
form-invalid-date = Пожалуйста, введите дату: день.месяц.год, например 24.12.1980.
form-invalid-iban-format = IBAN начинается с двух букв и двух цифр. В Германии в нём 22 знака. Он указан на вашей банковской карте.
form-invalid-iban-checksum = Этот IBAN неверный. Возможно, не хватает цифры или две цифры переставлены. Сравните его с банковской картой.
form-invalid-tax-id-format = Налоговый номер состоит из 11 цифр. Он указан в письмах из налоговой.
form-invalid-tax-id-checksum = Этот налоговый номер неверный. Проверьте каждую цифру.
form-invalid-social-insurance-format = Номер социального страхования состоит из 12 знаков: 8 цифр, буква, 3 цифры.
form-invalid-social-insurance-checksum = Этот номер социального страхования неверный. Проверьте каждый знак.
form-invalid-postcode = Почтовый индекс состоит из 5 цифр, например 04109.
form-invalid-phone = Пожалуйста, введите номер телефона цифрами, например 0341 1234567.
form-invalid-email = Пожалуйста, введите адрес электронной почты, например name@example.org.
form-invalid-birth-future = Эта дата рождения в будущем. Проверьте год.
form-invalid-birth-early = Эта дата рождения более 120 лет назад. Проверьте год.
form-pdf-documents = Пожалуйста, возьмите с собой
form-pdf-online = Это заявление можно подать и онлайн
form-pdf-signature = Место, дата, подпись
form-pdf-fim = Идентификаторы полей по каталогу полей FIM
