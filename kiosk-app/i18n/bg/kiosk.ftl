# Anlauf kiosk — Bulgarian.
# Same message ids as the German reference, in the same order.
# Polite plural address ("Вие" forms), short sentences, no jargon.

## Names of languages (each file names every language in its own language)

language-de = Немски
language-de-x-ls = Опростен немски
language-en = Английски
language-ar = Арабски
language-fa = Персийски
language-uk = Украински
language-ru = Руски
language-tr = Турски
language-ro = Румънски
language-bg = Български
language-pl = Полски

## Attract screen

attract-touch = Докоснете екрана, за да започнете.
attract-subtitle = Намерете помощ наблизо, попълнете заявления, прочетете информация – безплатно.
attract-privacy = Когато приключите, всичко се изтрива.

## Top bar

bar-home = Начало
bar-back = Назад
bar-read-aloud = Четене на глас
bar-end = Край на сесията

## Home screen

home-title = Какво искате да направите?
tile-find-help = Намерете помощ
tile-language = Език
tile-display = Екран
tile-read-aloud = Четене на глас
tile-end-session = Край на сесията

## Language picker

language-title = Изберете своя език.

## Display settings

display-title = Екран
display-text-size = Размер на текста
display-text-size-value = { $percent } %
display-contrast = Контраст
display-contrast-normal = Нормален
display-contrast-high = Висок контраст
display-preview = Ето как изглежда текстът сега. Изборът Ви важи до края на сесията.

## Find help

help-title = Намерете помощ
help-search-placeholder = Докоснете тук и напишете какво търсите.
help-search-sample = храна
help-clear = Изчисти
help-all = Всички
help-results =
    { $count ->
        [one] Намерена е { $count } услуга
       *[other] Намерени са { $count } услуги
    }
help-none = За съжаление не намерихме нищо. Изберете тема или попитайте персонала.
help-crisis-title = Тук винаги някой отговаря
help-categories-title = Теми
help-filters-title = Покажи само
help-phone = Телефон: { $phone }
help-more = Още
filter-open-now = отворено сега
filter-free = безплатно
filter-walk-in = без час
filter-my-language = на моя език
filter-wheelchair = за инвалидна количка
filter-women = за жени
filter-young = за млади хора
status-open-until = Отворено сега, до { $time }
status-open-always = Отворено сега, денонощно
status-opens-in =
    { $minutes ->
        [one] Отваря след 1 минута
       *[other] Отваря след { $minutes } минути
    }
status-opens-today = Затворено, отваря днес в { $time }
status-opens-tomorrow = Затворено, отваря утре в { $time }
status-opens-on = Затворено, отваря в { $day } в { $time }
status-closed = В момента затворено
status-appointment = Само с час
distance-metres = { $metres } м
distance-km = { $km } км
distance-towards = { $distance }, към { $landmark }
distance-compass = { $distance } { $compass }
direction-n = на север
direction-ne = на североизток
direction-e = на изток
direction-se = на югоизток
direction-s = на юг
direction-sw = на югозапад
direction-w = на запад
direction-nw = на северозапад
weekday-mon = понеделник
weekday-tue = вторник
weekday-wed = сряда
weekday-thu = четвъртък
weekday-fri = петък
weekday-sat = събота
weekday-sun = неделя
days-daily = Всеки ден
days-range = { $first } – { $last }
hours-range = { $days }: от { $opens } до { $closes } ч.
hours-whole-day = { $days }: денонощно
hours-today = днес
hours-holidays-closed = В официалните празници е затворено.
hours-holidays-open = Отворено и в празниците.
hours-closed-on = Затворено и на { $dates }.
detail-hours = Работно време
detail-address = Адрес
detail-way = Как да стигнете
detail-bring = Моля, носете
detail-who = Кой може да дойде?
detail-costs = Цена
detail-languages = Тук се говори
detail-access = Час и достъп
who-everyone = Всеки може да дойде.
who-women = Само за жени.
who-young = За млади хора до 27 години.
cost-free = Безплатно.
cost-unknown = Моля, попитайте на място.
access-appointment = Моля, запишете си час предварително.
access-walk-in = Може да дойдете без час.
access-wheelchair = Вход без стъпала.
access-steps = Има стъпала, не е за инвалидна количка.
detail-map = Покажи на картата
map-zoom-in = По-близо
map-zoom-out = По-далеч
map-schematic = За този район няма карта. Линията показва посоката и разстоянието.
slip-qr = Сканирайте с телефона: всичко като текст, без интернет.
slip-print = Отпечатай бележка
slip-saved = Бележката е готова. Моля, поискайте разпечатката от персонала.
slip-failed = Бележката не можа да бъде направена. Моля, попитайте персонала.
category-sleep = Нощувка
category-food = Храна
category-clothes-showers = Дрехи и душ
category-health = Здраве
category-money = Пари и помощи
category-debts = Дългове
category-housing = Жилище
category-family = Семейство и деца
category-migration = Миграция и убежище
category-addiction = Зависимости
category-violence-crisis = Насилие и кризи
category-legal = Правна помощ
category-work = Работа
category-documents-post = Документи и поща

## On-screen keyboard

osk-symbols = 123
osk-letters = АБВ
osk-done = Готово

## End of a session

countdown-title = Още ли сте тук?
countdown-text =
    { $seconds ->
        [one] Сесията приключва след { $seconds } секунда. След това всичко се изтрива.
       *[other] Сесията приключва след { $seconds } секунди. След това всичко се изтрива.
    }
countdown-stay = Още съм тук
countdown-end = Приключи сега
confirm-end-title = Да приключи ли сесията?
confirm-end-text = Всичко, което сте въвели или избрали, ще бъде изтрито.
confirm-end-yes = Да, приключи
confirm-end-no = Не, продължи

## Read aloud

speech-no-voice = За съжаление четене на глас не е налично за този език.
speech-unavailable = Четенето на глас не работи в момента. Моля, попитайте персонала.
notice-close = Затвори

## Notices for staff (shown on the attract screen)

staff-config = Настройки { $path }: { $problem }
staff-translation = Грешка в превода: { $problem }
staff-font = Не е намерен шрифт за писмеността: { $script }. Моля, инсталирайте пакета fonts-noto-core.
staff-input = Докосванията се разпознават само в прозореца на киоска: { $reason }
staff-display-small = Екранът е { $width }×{ $height }. Anlauf изисква поне 1024×600.
script-latin = латиница
script-cyrillic = кирилица
script-arabic = арабска писменост

## Forms

tile-forms = Попълване на заявления
forms-title = Попълване на заявления
forms-intro = Изберете заявление. Питаме ви стъпка по стъпка. Накрая го отпечатвате.
forms-search-placeholder = Търсене на заявление
forms-none = Тук няма заявление за това. Моля, попитайте персонала.
form-step = Стъпка { $step } от { $total }
form-next = Напред
form-back = Предишна стъпка
form-summary = Моля, проверете отговорите си.
form-change = Промяна
form-print = Отпечатване на заявлението
form-printed = Заявлението е готово. Подпишете го и го подайте.
form-add-entry = Добавяне на още
form-remove-entry = Премахване
form-entry = { $label } { $number }
form-offer = Вече въведено: { $value }
form-offer-use = Използване
form-german = Покажи на немски
form-own-language = Обратно към моя език
form-online = Продължете онлайн
form-privacy = Защита на данните
form-optional = по желание
form-required = Моля, отговорете на този въпрос.
form-constraint = Този отговор не пасва. Моля, проверете го.
form-invalid-integer = Моля, въведете само цяло число, например 3.
form-invalid-decimal = Моля, въведете число, например 450,50.
form-invalid-date = Моля, въведете дата: ден.месец.година, например 24.12.1980.
form-invalid-iban-format = IBAN започва с две букви и две цифри. В Германия има 22 знака. Ще го намерите на банковата си карта.
form-invalid-iban-checksum = Този IBAN не е верен. Може би липсва цифра или две цифри са разменени. Сравнете го с банковата си карта.
form-invalid-tax-id-format = Данъчният номер има 11 цифри. Ще го намерите в писмата от данъчната служба.
form-invalid-tax-id-checksum = Този данъчен номер не е верен. Проверете всяка цифра.
form-invalid-social-insurance-format = Номерът на социалното осигуряване има 12 знака: 8 цифри, буква, 3 цифри.
form-invalid-social-insurance-checksum = Този номер на социалното осигуряване не е верен. Проверете всеки знак.
form-invalid-postcode = Пощенският код има 5 цифри, например 04109.
form-invalid-phone = Моля, въведете телефонен номер с цифри, например 0341 1234567.
form-invalid-email = Моля, въведете имейл адрес, например name@example.org.
form-invalid-birth-future = Тази дата на раждане е в бъдещето. Проверете годината.
form-invalid-birth-early = Тази дата на раждане е преди повече от 120 години. Проверете годината.
form-pdf-documents = Моля, носете
form-pdf-online = Това заявление може да се подаде и онлайн
form-pdf-signature = Място, дата, подпис
form-pdf-fim = Идентификатори на полета по каталога на полетата FIM
