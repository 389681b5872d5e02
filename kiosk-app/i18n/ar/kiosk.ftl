# Anlauf kiosk — Arabic.
# Same message ids as the German reference, in the same order.
# Modern Standard Arabic, polite public-sign register; no bidi control characters.

## Names of languages (each file names every language in its own language)

language-de = الألمانية
language-de-x-ls = الألمانية المبسطة
language-en = الإنجليزية
language-ar = العربية
language-fa = الفارسية
language-uk = الأوكرانية
language-ru = الروسية
language-tr = التركية
language-ro = الرومانية
language-bg = البلغارية
language-pl = البولندية

## Attract screen

attract-touch = المس الشاشة للبدء.
attract-subtitle = ابحث عن مساعدة قريبة، واملأ الطلبات، واقرأ المعلومات – مجانًا.
attract-privacy = عندما تنتهي، يُحذف كل شيء.

## Top bar

bar-home = الرئيسية
bar-back = رجوع
bar-read-aloud = قراءة صوتية
bar-end = إنهاء الجلسة

## Home screen

home-title = ماذا تود أن تفعل؟
tile-find-help = البحث عن مساعدة
tile-language = اللغة
tile-display = العرض
tile-read-aloud = قراءة صوتية
tile-end-session = إنهاء الجلسة

## Language picker

language-title = اختر لغتك.

## Display settings

display-title = العرض
display-text-size = حجم الخط
display-text-size-value = { $percent } %
display-contrast = التباين
display-contrast-normal = عادي
display-contrast-high = تباين عالٍ
display-preview = هكذا يبدو النص الآن. يبقى اختيارك ساريًا حتى تنهي الجلسة.

## Find help

help-title = البحث عن مساعدة
help-search-placeholder = المس هنا واكتب ما تبحث عنه.
help-search-sample = طعام
help-clear = مسح
help-all = الكل
help-results =
    { $count ->
        [zero] لم نجد أي خدمة
        [one] وجدنا خدمة واحدة
        [two] وجدنا خدمتين
        [few] وجدنا { $count } خدمات
        [many] وجدنا { $count } خدمة
       *[other] وجدنا { $count } خدمة
    }
help-none = للأسف لم نجد شيئًا. اختر موضوعًا أو اسأل الموظفين.
help-phone = الهاتف: { $phone }
hours-range = { $days }: من { $opens } إلى { $closes }
days-daily = يوميًا
days-mon-fri = من الاثنين إلى الجمعة
days-mon-thu = من الاثنين إلى الخميس
days-sat-sun = السبت والأحد
days-mon = الاثنين
days-tue = الثلاثاء
days-wed = الأربعاء
days-thu = الخميس
days-fri = الجمعة
category-sleep = المبيت
category-food = الطعام
category-clothes-showers = الملابس والاستحمام
category-health = الصحة
category-debts = الديون
category-documents-post = الأوراق والبريد

## On-screen keyboard

osk-symbols = 123
osk-letters = أ ب ت
osk-done = تم

## End of a session

countdown-title = هل ما زلت هنا؟
countdown-text =
    { $seconds ->
        [zero] تنتهي الجلسة الآن. بعدها يُحذف كل شيء.
        [one] تنتهي الجلسة بعد ثانية واحدة. بعدها يُحذف كل شيء.
        [two] تنتهي الجلسة بعد ثانيتين. بعدها يُحذف كل شيء.
        [few] تنتهي الجلسة بعد { $seconds } ثوانٍ. بعدها يُحذف كل شيء.
        [many] تنتهي الجلسة بعد { $seconds } ثانية. بعدها يُحذف كل شيء.
       *[other] تنتهي الجلسة بعد { $seconds } ثانية. بعدها يُحذف كل شيء.
    }
countdown-stay = ما زلت هنا
countdown-end = إنهاء الآن
confirm-end-title = إنهاء الجلسة؟
confirm-end-text = سيُحذف كل ما كتبته أو اخترته.
confirm-end-yes = نعم، إنهاء
confirm-end-no = لا، متابعة

## Read aloud

speech-no-voice = للأسف، القراءة الصوتية غير متوفرة لهذه اللغة.
speech-unavailable = القراءة الصوتية لا تعمل الآن. يرجى سؤال الموظفين.
notice-close = إغلاق

## Notices for staff (shown on the attract screen)

staff-config = الإعدادات { $path }: { $problem }
staff-translation = خطأ في الترجمة: { $problem }
staff-font = لم يُعثر على خط يدعم { $script }. يرجى تثبيت الحزمة fonts-noto-core.
staff-input = لا تُلتقط اللمسات إلا داخل نافذة الكشك: { $reason }
staff-display-small = حجم الشاشة { $width }×{ $height }. يحتاج Anlauf إلى 1024×600 على الأقل.
script-latin = الكتابة اللاتينية
script-cyrillic = الكتابة السيريلية
script-arabic = الكتابة العربية
