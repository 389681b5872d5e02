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
help-none = Sorry, we found nothing for that. Choose a topic, ask the staff, or call one of the numbers below.
help-crisis-title = You can always reach someone here
help-categories-title = Topics
help-filters-title = Only show what …
help-phone = Phone: { $phone }
help-more = More
filter-open-now = is open now
filter-free = is free of charge
filter-walk-in = needs no appointment
filter-my-language = speaks my language
filter-wheelchair = has wheelchair access
filter-women = is for women
filter-young = is for young people
status-open-until = Open now, until { $time }
status-open-always = Open now, around the clock
status-opens-in =
    { $minutes ->
        [one] Opens in 1 minute
       *[other] Opens in { $minutes } minutes
    }
status-opens-today = Closed, opens today at { $time }
status-opens-tomorrow = Closed, opens tomorrow at { $time }
status-opens-on = Closed, opens on { $day } at { $time }
status-closed = Closed at the moment
status-appointment = By appointment only
distance-metres = { $metres } m
distance-km = { $km } km
distance-towards = { $distance }, towards { $landmark }
distance-compass = { $distance } { $compass }
direction-n = to the north
direction-ne = to the north-east
direction-e = to the east
direction-se = to the south-east
direction-s = to the south
direction-sw = to the south-west
direction-w = to the west
direction-nw = to the north-west
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday
days-daily = every day
days-range = { $first } to { $last }
hours-range = { $days }: { $opens } to { $closes }
hours-whole-day = { $days }: around the clock
hours-today = today
hours-holidays-closed = Closed on public holidays.
hours-holidays-open = Also open on public holidays.
hours-closed-on = Also closed on { $dates }.
detail-hours = Opening hours
detail-address = Address
detail-way = How to find it
detail-bring = Please bring
detail-who = Who can come?
detail-costs = Costs
detail-languages = Languages spoken
detail-access = Appointment and access
who-everyone = Everyone can come.
who-women = For women only.
who-young = For young people up to 27.
cost-free = Free of charge.
cost-unknown = Please ask there.
access-appointment = Please make an appointment first.
access-walk-in = You can come without an appointment.
access-wheelchair = Step-free access.
access-steps = Has steps, no wheelchair access.
detail-map = Show on the map
map-zoom-in = Closer
map-zoom-out = Further out
map-schematic = No map is loaded for this area. The line shows direction and distance.
slip-qr = Scan with a phone: all of this as text, no internet needed.
slip-print = Print a slip
slip-saved = The slip is ready. Please ask the staff for the printout.
slip-failed = The slip could not be made. Please ask the staff.
category-sleep = Sleep
category-food = Food
category-clothes-showers = Clothes and showers
category-health = Health
category-money = Money and benefits
category-debts = Debts
category-housing = Housing
category-family = Family and children
category-migration = Migration and asylum
category-addiction = Addiction
category-violence-crisis = Violence and crisis
category-legal = Legal advice
category-work = Work
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

## Forms

tile-forms = Fill in applications
forms-title = Fill in applications
forms-intro = Choose an application. We ask you step by step. At the end you print it.
forms-search-placeholder = Search applications
forms-none = There is no application for that here. Please ask the staff.
form-step = Step { $step } of { $total }
form-next = Next
form-back = Previous step
form-summary = Please check your answers.
form-change = Change
form-print = Print application
form-printed = Your application is ready. Sign it and hand it in.
form-add-entry = Add another
form-remove-entry = Remove
form-entry = { $label } { $number }
form-offer = Already entered: { $value }
form-offer-use = Use it
form-german = Show in German
form-own-language = Back to my language
form-online = Continue online
form-privacy = Privacy
form-optional = optional
form-required = Please answer this question.
form-constraint = This answer does not fit. Please check it.
form-invalid-integer = Please enter a whole number only, for example 3.
form-invalid-decimal = Please enter a number, for example 450.50.
form-invalid-date = Please enter a date: day.month.year, for example 24.12.1980.
form-invalid-iban-format = An IBAN starts with two letters and two digits. In Germany it has 22 characters. It is on your bank card.
form-invalid-iban-checksum = This IBAN is not right. Perhaps a digit is missing or two are swapped. Please compare it with your bank card.
form-invalid-tax-id-format = The tax ID has 11 digits. It is on letters from the tax office.
form-invalid-tax-id-checksum = This tax ID is not right. Please check every digit.
form-invalid-social-insurance-format = The social insurance number has 12 characters: 8 digits, a letter, 3 digits.
form-invalid-social-insurance-checksum = This social insurance number is not right. Please check every character.
form-invalid-postcode = A postcode has 5 digits, for example 04109.
form-invalid-phone = Please enter a phone number in digits, for example 0341 1234567.
form-invalid-email = Please enter an e-mail address, for example name@example.org.
form-invalid-birth-future = This date of birth is in the future. Please check the year.
form-invalid-birth-early = This date of birth is more than 120 years ago. Please check the year.
form-pdf-documents = Please bring
form-pdf-online = This application is also available online
form-pdf-signature = Place, date, signature
form-pdf-fim = Field ids from the FIM field catalogue
