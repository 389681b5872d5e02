# Anlauf kiosk — Persian (Farsi).
# Same message ids as the German reference, in the same order.
# Polite plural address ("شما"), Persian letters ی and ک, Western digits; no bidi control characters.

## Names of languages (each file names every language in its own language)

language-de = آلمانی
language-de-x-ls = آلمانی ساده
language-en = انگلیسی
language-ar = عربی
language-fa = فارسی
language-uk = اوکراینی
language-ru = روسی
language-tr = ترکی
language-ro = رومانیایی
language-bg = بلغاری
language-pl = لهستانی

## Attract screen

attract-touch = برای شروع، صفحه را لمس کنید.
attract-subtitle = کمک در نزدیکی پیدا کنید، فرم‌ها را پر کنید، اطلاعات بخوانید – رایگان.
attract-privacy = وقتی کارتان تمام شد، همه چیز پاک می‌شود.

## Top bar

bar-home = صفحه اصلی
bar-back = بازگشت
bar-read-aloud = خواندن با صدا
bar-end = پایان جلسه

## Home screen

home-title = چه کاری می‌خواهید انجام دهید؟
tile-find-help = پیدا کردن کمک
tile-language = زبان
tile-display = نمایش
tile-read-aloud = خواندن با صدا
tile-end-session = پایان جلسه

## Language picker

language-title = زبان خود را انتخاب کنید.

## Display settings

display-title = نمایش
display-text-size = اندازه متن
display-text-size-value = { $percent } %
display-contrast = کنتراست
display-contrast-normal = معمولی
display-contrast-high = کنتراست بالا
display-preview = متن اکنون این‌طور دیده می‌شود. انتخاب شما تا پایان جلسه باقی می‌ماند.

## Find help

help-title = پیدا کردن کمک
help-search-placeholder = اینجا را لمس کنید و بنویسید دنبال چه هستید.
help-search-sample = غذا
help-clear = پاک کردن
help-all = همه
help-results =
    { $count ->
        [one] { $count } خدمت پیدا شد
       *[other] { $count } خدمت پیدا شد
    }
help-none = متأسفانه چیزی پیدا نکردیم. یک موضوع انتخاب کنید یا از کارکنان بپرسید.
help-crisis-title = اینجا همیشه کسی جواب می‌دهد
help-categories-title = موضوع‌ها
help-filters-title = فقط نشان بده
help-phone = تلفن: { $phone }
help-more = بیشتر
filter-open-now = الان باز
filter-free = رایگان
filter-walk-in = بدون وقت قبلی
filter-my-language = به زبان من
filter-wheelchair = مناسب ویلچر
filter-women = برای زنان
filter-young = برای جوانان
status-open-until = الان باز است، تا { $time }
status-open-always = الان باز است، شبانه‌روزی
status-opens-in =
    { $minutes ->
        [one] یک دقیقه دیگر باز می‌شود
       *[other] { $minutes } دقیقه دیگر باز می‌شود
    }
status-opens-today = بسته است، امروز ساعت { $time } باز می‌شود
status-opens-tomorrow = بسته است، فردا ساعت { $time } باز می‌شود
status-opens-on = بسته است، { $day } ساعت { $time } باز می‌شود
status-closed = فعلاً بسته است
status-appointment = فقط با وقت قبلی
distance-metres = { $metres } متر
distance-km = { $km } کیلومتر
distance-towards = { $distance }، به سمت { $landmark }
distance-compass = { $distance } { $compass }
direction-n = به سمت شمال
direction-ne = به سمت شمال شرقی
direction-e = به سمت شرق
direction-se = به سمت جنوب شرقی
direction-s = به سمت جنوب
direction-sw = به سمت جنوب غربی
direction-w = به سمت غرب
direction-nw = به سمت شمال غربی
weekday-mon = دوشنبه
weekday-tue = سه‌شنبه
weekday-wed = چهارشنبه
weekday-thu = پنجشنبه
weekday-fri = جمعه
weekday-sat = شنبه
weekday-sun = یکشنبه
days-daily = هر روز
days-range = { $first } تا { $last }
hours-range = { $days }: از { $opens } تا { $closes }
hours-whole-day = { $days }: شبانه‌روزی
hours-today = امروز
hours-holidays-closed = روزهای تعطیل رسمی بسته است.
hours-holidays-open = روزهای تعطیل رسمی هم باز است.
hours-closed-on = همچنین در { $dates } بسته است.
detail-hours = ساعت کار
detail-address = نشانی
detail-way = چطور پیدا کنید
detail-bring = لطفاً همراه بیاورید
detail-who = چه کسی می‌تواند بیاید؟
detail-costs = هزینه
detail-languages = زبان‌های اینجا
detail-access = وقت قبلی و دسترسی
who-everyone = همه می‌توانند بیایند.
who-women = فقط برای زنان.
who-young = برای جوانان تا 27 سال.
cost-free = رایگان.
cost-unknown = لطفاً آنجا بپرسید.
access-appointment = لطفاً از قبل وقت بگیرید.
access-walk-in = بدون وقت قبلی می‌توانید بیایید.
access-wheelchair = ورودی بدون پله.
access-steps = پله دارد، مناسب ویلچر نیست.
detail-map = نمایش روی نقشه
map-zoom-in = نزدیک‌تر
map-zoom-out = دورتر
map-schematic = برای این منطقه نقشه‌ای نیست. خط، جهت و فاصله را نشان می‌دهد.
slip-qr = با گوشی اسکن کنید: همه اطلاعات به صورت متن، بدون اینترنت.
slip-print = چاپ برگه
slip-saved = برگه آماده است. لطفاً نسخه چاپی را از کارکنان بخواهید.
slip-failed = برگه ساخته نشد. لطفاً از کارکنان بپرسید.
category-sleep = جای خواب
category-food = غذا
category-clothes-showers = لباس و دوش
category-health = سلامت
category-money = پول و کمک‌هزینه
category-debts = بدهی
category-housing = مسکن
category-family = خانواده و کودکان
category-migration = مهاجرت و پناهندگی
category-addiction = اعتیاد
category-violence-crisis = خشونت و بحران
category-legal = مشاوره حقوقی
category-work = کار
category-documents-post = مدارک و نامه‌ها

## On-screen keyboard

osk-symbols = 123
osk-letters = الف ب
osk-done = تمام

## End of a session

countdown-title = هنوز اینجا هستید؟
countdown-text =
    { $seconds ->
        [one] جلسه تا { $seconds } ثانیه دیگر تمام می‌شود. بعد همه چیز پاک می‌شود.
       *[other] جلسه تا { $seconds } ثانیه دیگر تمام می‌شود. بعد همه چیز پاک می‌شود.
    }
countdown-stay = هنوز اینجا هستم
countdown-end = همین حالا تمام شود
confirm-end-title = جلسه تمام شود؟
confirm-end-text = هر چیزی که نوشته‌اید یا انتخاب کرده‌اید پاک می‌شود.
confirm-end-yes = بله، تمام شود
confirm-end-no = نه، ادامه می‌دهم

## Read aloud

speech-no-voice = متأسفانه خواندن با صدا برای این زبان وجود ندارد.
speech-unavailable = خواندن با صدا الان کار نمی‌کند. لطفاً از کارکنان بپرسید.
notice-close = بستن

## Notices for staff (shown on the attract screen)

staff-config = تنظیمات { $path }: { $problem }
staff-translation = ترجمه خطا دارد: { $problem }
staff-font = هیچ قلمی برای { $script } پیدا نشد. لطفاً بسته fonts-noto-core را نصب کنید.
staff-input = لمس‌ها فقط در پنجره کیوسک تشخیص داده می‌شوند: { $reason }
staff-display-small = اندازه صفحه { $width }×{ $height } است. Anlauf دست‌کم به 1024×600 نیاز دارد.
script-latin = خط لاتین
script-cyrillic = خط سیریلیک
script-arabic = خط عربی

## Forms

tile-forms = پر کردن درخواست‌ها
forms-title = پر کردن درخواست‌ها
forms-intro = یک درخواست انتخاب کنید. ما قدم به قدم می‌پرسیم. در پایان آن را چاپ می‌کنید.
forms-search-placeholder = جستجوی درخواست
forms-none = برای این موضوع اینجا درخواستی نیست. لطفاً از کارکنان بپرسید.
form-step = مرحله { $step } از { $total }
form-next = بعدی
form-back = مرحله قبل
form-summary = لطفاً پاسخ‌های خود را بررسی کنید.
form-change = تغییر
form-print = چاپ درخواست
form-printed = درخواست شما آماده است. آن را امضا کنید و تحویل دهید.
form-add-entry = افزودن مورد دیگر
form-remove-entry = حذف
form-entry = { $label } { $number }
form-offer = قبلاً وارد شده: { $value }
form-offer-use = استفاده کن
form-german = نمایش به آلمانی
form-own-language = بازگشت به زبان من
form-online = ادامه به صورت آنلاین
form-privacy = حریم خصوصی
form-optional = اختیاری
form-required = لطفاً به این سؤال پاسخ دهید.
form-constraint = این پاسخ مناسب نیست. لطفاً آن را بررسی کنید.
form-invalid-integer = لطفاً فقط یک عدد صحیح وارد کنید، مثلاً 3.
form-invalid-decimal = لطفاً یک عدد وارد کنید، مثلاً 450,50.
form-invalid-date = لطفاً یک تاریخ وارد کنید: روز.ماه.سال، مثلاً 24.12.1980.
form-invalid-iban-format = IBAN با دو حرف و دو رقم شروع می‌شود. در آلمان ۲۲ کاراکتر دارد. روی کارت بانکی شما نوشته شده است.
form-invalid-iban-checksum = این IBAN درست نیست. شاید یک رقم جا افتاده یا دو رقم جابه‌جا شده‌اند. لطفاً آن را با کارت بانکی خود مقایسه کنید.
form-invalid-tax-id-format = شناسه مالیاتی ۱۱ رقم دارد. در نامه‌های اداره مالیات نوشته شده است.
form-invalid-tax-id-checksum = این شناسه مالیاتی درست نیست. لطفاً هر رقم را بررسی کنید.
form-invalid-social-insurance-format = شماره بیمه اجتماعی ۱۲ کاراکتر دارد: ۸ رقم، یک حرف، ۳ رقم.
form-invalid-social-insurance-checksum = این شماره بیمه اجتماعی درست نیست. لطفاً هر کاراکتر را بررسی کنید.
form-invalid-postcode = کد پستی ۵ رقم دارد، مثلاً 04109.
form-invalid-phone = لطفاً شماره تلفن را با رقم وارد کنید، مثلاً 0341 1234567.
form-invalid-email = لطفاً یک نشانی ایمیل وارد کنید، مثلاً name@example.org.
form-invalid-birth-future = این تاریخ تولد در آینده است. لطفاً سال را بررسی کنید.
form-invalid-birth-early = این تاریخ تولد بیش از ۱۲۰ سال پیش است. لطفاً سال را بررسی کنید.
form-pdf-documents = لطفاً همراه بیاورید
form-pdf-online = این درخواست به صورت آنلاین هم وجود دارد
form-pdf-signature = مکان، تاریخ، امضا
form-pdf-fim = شناسه‌های فیلد طبق کاتالوگ فیلدهای FIM
