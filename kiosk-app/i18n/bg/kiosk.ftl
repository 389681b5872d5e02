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
help-phone = Телефон: { $phone }
hours-range = { $days }: от { $opens } до { $closes } ч.
days-daily = Всеки ден
days-mon-fri = Понеделник – петък
days-mon-thu = Понеделник – четвъртък
days-sat-sun = Събота и неделя
days-mon = Понеделник
days-tue = Вторник
days-wed = Сряда
days-thu = Четвъртък
days-fri = Петък
category-sleep = Нощувка
category-food = Храна
category-clothes-showers = Дрехи и душ
category-health = Здраве
category-debts = Дългове
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
