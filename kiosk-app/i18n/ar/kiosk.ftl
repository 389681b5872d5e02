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
help-crisis-title = هنا تجد دائمًا من يجيبك
help-categories-title = المواضيع
help-filters-title = اعرض فقط
help-phone = الهاتف: { $phone }
help-more = المزيد
filter-open-now = مفتوح الآن
filter-free = مجاني
filter-walk-in = بدون موعد
filter-my-language = يتحدث لغتي
filter-wheelchair = مناسب للكراسي المتحركة
filter-women = للنساء
filter-young = للشباب
status-open-until = مفتوح الآن حتى { $time }
status-open-always = مفتوح الآن، على مدار الساعة
status-opens-in =
    { $minutes ->
        [zero] يفتح بعد { $minutes } دقيقة
        [one] يفتح بعد دقيقة واحدة
        [two] يفتح بعد دقيقتين
        [few] يفتح بعد { $minutes } دقائق
        [many] يفتح بعد { $minutes } دقيقة
       *[other] يفتح بعد { $minutes } دقيقة
    }
status-opens-today = مغلق، يفتح اليوم الساعة { $time }
status-opens-tomorrow = مغلق، يفتح غدًا الساعة { $time }
status-opens-on = مغلق، يفتح يوم { $day } الساعة { $time }
status-closed = مغلق حاليًا
status-appointment = بموعد فقط
distance-metres = { $metres } م
distance-km = { $km } كم
distance-towards = { $distance }، باتجاه { $landmark }
distance-compass = { $distance } { $compass }
direction-n = نحو الشمال
direction-ne = نحو الشمال الشرقي
direction-e = نحو الشرق
direction-se = نحو الجنوب الشرقي
direction-s = نحو الجنوب
direction-sw = نحو الجنوب الغربي
direction-w = نحو الغرب
direction-nw = نحو الشمال الغربي
weekday-mon = الاثنين
weekday-tue = الثلاثاء
weekday-wed = الأربعاء
weekday-thu = الخميس
weekday-fri = الجمعة
weekday-sat = السبت
weekday-sun = الأحد
days-daily = يوميًا
days-range = من { $first } إلى { $last }
hours-range = { $days }: من { $opens } إلى { $closes }
hours-whole-day = { $days }: على مدار الساعة
hours-today = اليوم
hours-holidays-closed = مغلق في العطل الرسمية.
hours-holidays-open = مفتوح أيضًا في العطل الرسمية.
hours-closed-on = مغلق أيضًا في { $dates }.
detail-hours = أوقات العمل
detail-address = العنوان
detail-way = كيف تصل
detail-bring = يرجى إحضار
detail-who = من يمكنه الحضور؟
detail-costs = التكلفة
detail-languages = اللغات المستخدمة هنا
detail-access = الموعد وسهولة الوصول
who-everyone = يمكن للجميع الحضور.
who-women = للنساء فقط.
who-young = للشباب حتى 27 عامًا.
cost-free = مجاني.
cost-unknown = يرجى السؤال هناك.
access-appointment = يرجى حجز موعد مسبقًا.
access-walk-in = يمكنك الحضور بدون موعد.
access-wheelchair = مدخل بدون درج.
access-steps = يوجد درج، غير مناسب للكراسي المتحركة.
detail-map = اعرض على الخريطة
map-zoom-in = أقرب
map-zoom-out = أبعد
map-schematic = لا توجد خريطة لهذه المنطقة. الخط يبين الاتجاه والمسافة.
slip-qr = امسح الرمز بالهاتف: كل المعلومات كنص، بدون إنترنت.
slip-print = اطبع ورقة
slip-saved = الورقة جاهزة. يرجى طلب النسخة المطبوعة من الموظفين.
slip-failed = تعذّر إعداد الورقة. يرجى سؤال الموظفين.
category-sleep = المبيت
category-food = الطعام
category-clothes-showers = الملابس والاستحمام
category-health = الصحة
category-money = المال والمساعدات
category-debts = الديون
category-housing = السكن
category-family = العائلة والأطفال
category-migration = الهجرة واللجوء
category-addiction = الإدمان
category-violence-crisis = العنف والأزمات
category-legal = استشارة قانونية
category-work = العمل
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

## Forms

tile-forms = تعبئة الطلبات
forms-title = تعبئة الطلبات
forms-intro = اختر طلبًا. نسألك خطوة بخطوة. في النهاية تطبعه.
forms-search-placeholder = ابحث عن طلب
forms-none = لا يوجد طلب لذلك هنا. يرجى سؤال الموظفين.
form-step = الخطوة { $step } من { $total }
form-next = التالي
form-back = الخطوة السابقة
form-summary = يرجى التحقق من إجاباتك.
form-change = تغيير
form-print = طباعة الطلب
form-printed = طلبك جاهز. وقّعه وسلّمه.
form-add-entry = إضافة آخر
form-remove-entry = حذف
form-entry = { $label } { $number }
form-offer = أدخلته من قبل: { $value }
form-offer-use = استخدمه
form-german = عرض بالألمانية
form-own-language = العودة إلى لغتي
form-online = المتابعة عبر الإنترنت
form-privacy = حماية البيانات
form-optional = اختياري
form-required = يرجى الإجابة على هذا السؤال.
form-constraint = هذه الإجابة غير مناسبة. يرجى التحقق منها.
form-invalid-integer = يرجى إدخال عدد صحيح فقط، مثل 3.
form-invalid-decimal = يرجى إدخال رقم، مثل 450,50.
form-invalid-date = يرجى إدخال تاريخ: يوم.شهر.سنة، مثل 24.12.1980.
form-invalid-iban-format = يبدأ رقم IBAN بحرفين ورقمين. في ألمانيا يتكون من 22 خانة. تجده على بطاقتك البنكية.
form-invalid-iban-checksum = رقم IBAN هذا غير صحيح. ربما ينقص رقم أو تبادل رقمان مكانهما. يرجى مقارنته ببطاقتك البنكية.
form-invalid-tax-id-format = الرقم الضريبي يتكون من 11 رقمًا. تجده في رسائل مكتب الضرائب.
form-invalid-tax-id-checksum = هذا الرقم الضريبي غير صحيح. يرجى التحقق من كل رقم.
form-invalid-social-insurance-format = رقم التأمين الاجتماعي يتكون من 12 خانة: 8 أرقام وحرف و3 أرقام.
form-invalid-social-insurance-checksum = رقم التأمين الاجتماعي هذا غير صحيح. يرجى التحقق من كل خانة.
form-invalid-postcode = الرمز البريدي يتكون من 5 أرقام، مثل 04109.
form-invalid-phone = يرجى إدخال رقم هاتف بالأرقام، مثل 0341 1234567.
form-invalid-email = يرجى إدخال بريد إلكتروني، مثل name@example.org.
form-invalid-birth-future = تاريخ الميلاد هذا في المستقبل. يرجى التحقق من السنة.
form-invalid-birth-early = تاريخ الميلاد هذا قبل أكثر من 120 سنة. يرجى التحقق من السنة.
form-pdf-documents = يرجى إحضار
form-pdf-online = هذا الطلب متوفر أيضًا عبر الإنترنت
form-pdf-signature = المكان، التاريخ، التوقيع
form-pdf-fim = أرقام الحقول حسب كتالوج حقول FIM
