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
help-phone = تلفن: { $phone }
hours-range = { $days }: از { $opens } تا { $closes }
days-daily = هر روز
days-mon-fri = دوشنبه تا جمعه
days-mon-thu = دوشنبه تا پنجشنبه
days-sat-sun = شنبه و یکشنبه
days-mon = دوشنبه
days-tue = سه‌شنبه
days-wed = چهارشنبه
days-thu = پنجشنبه
days-fri = جمعه
category-sleep = جای خواب
category-food = غذا
category-clothes-showers = لباس و دوش
category-health = سلامت
category-debts = بدهی
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
