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
help-phone = Телефон: { $phone }
hours-range = { $days }: с { $opens } до { $closes }
days-daily = Ежедневно
days-mon-fri = Понедельник – пятница
days-mon-thu = Понедельник – четверг
days-sat-sun = Суббота и воскресенье
days-mon = Понедельник
days-tue = Вторник
days-wed = Среда
days-thu = Четверг
days-fri = Пятница
category-sleep = Ночлег
category-food = Еда
category-clothes-showers = Одежда и душ
category-health = Здоровье
category-debts = Долги
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
