# Anlauf kiosk — English.

## Names of languages

language-de = German
language-de-x-ls = Easy German
language-en = English
language-ar = Arabic
language-fa = Persian
language-uk = Ukrainian
language-ru = Russian
language-tr = Turkish
language-ro = Romanian
language-bg = Bulgarian
language-pl = Polish

## Attract screen

attract-touch = Touch the screen to start.
attract-subtitle = Find help nearby, fill in applications, read information – free of charge.
attract-privacy = When you are done, everything is deleted.

## Top bar

bar-home = Home
bar-back = Back
bar-read-aloud = Read aloud
bar-end = End session

## Home screen

home-title = What would you like to do?
tile-find-help = Find help
tile-language = Language
tile-display = Display
tile-read-aloud = Read aloud
tile-end-session = End session

## Language picker

language-title = Choose your language.

## Display settings

display-title = Display
display-text-size = Text size
display-text-size-value = { $percent } %
display-contrast = Contrast
display-contrast-normal = Normal
display-contrast-high = High contrast
display-preview = This is how text looks now. Your choice lasts until you end the session.

## Find help

help-title = Find help
help-search-placeholder = Tap here and write what you are looking for.
help-search-sample = food
help-clear = Clear
help-all = All
help-results =
    { $count ->
        [one] 1 service found
       *[other] { $count } services found
    }
help-none = Sorry, we found nothing for that. Choose a topic or ask the staff.
help-phone = Phone: { $phone }
hours-range = { $days }: { $opens } to { $closes }
days-daily = every day
days-mon-fri = Monday to Friday
days-mon-thu = Monday to Thursday
days-sat-sun = Saturday and Sunday
days-mon = Monday
days-tue = Tuesday
days-wed = Wednesday
days-thu = Thursday
days-fri = Friday
category-sleep = Sleep
category-food = Food
category-clothes-showers = Clothes and showers
category-health = Health
category-debts = Debts
category-documents-post = Papers and post

## On-screen keyboard

osk-symbols = 123
osk-letters = ABC
osk-done = Done

## End of a session

countdown-title = Are you still there?
countdown-text =
    { $seconds ->
        [one] The session ends in 1 second. Then everything is deleted.
       *[other] The session ends in { $seconds } seconds. Then everything is deleted.
    }
countdown-stay = I am still here
countdown-end = End now
confirm-end-title = End the session?
confirm-end-text = Everything you typed or chose will be deleted.
confirm-end-yes = Yes, end
confirm-end-no = No, continue

## Read aloud

speech-no-voice = Sorry, read aloud is not available in this language.
speech-unavailable = Read aloud does not work right now. Please ask the staff.
notice-close = Close

## Notices for staff (shown on the attract screen)

staff-config = Settings { $path }: { $problem }
staff-translation = Translation broken: { $problem }
staff-font = No font found for { $script }. Please install the package fonts-noto-core.
staff-input = Touches are only noticed in the kiosk window: { $reason }
staff-display-small = The screen is { $width }×{ $height }. Anlauf needs at least 1024×600.
script-latin = Latin script
script-cyrillic = Cyrillic script
script-arabic = Arabic script
