# Anlauf kiosk — Turkish.
# Same message ids as the German reference, in the same order.
# Polite address ("siz"), short sentences, no jargon.

## Names of languages (each file names every language in its own language)

language-de = Almanca
language-de-x-ls = Kolay Almanca
language-en = İngilizce
language-ar = Arapça
language-fa = Farsça
language-uk = Ukraynaca
language-ru = Rusça
language-tr = Türkçe
language-ro = Rumence
language-bg = Bulgarca
language-pl = Lehçe

## Attract screen

attract-touch = Başlamak için ekrana dokunun.
attract-subtitle = Yakınınızda yardım bulun, başvuru formlarını doldurun, bilgi okuyun – ücretsiz.
attract-privacy = İşiniz bitince her şey silinir.

## Top bar

bar-home = Ana sayfa
bar-back = Geri
bar-read-aloud = Sesli oku
bar-end = Oturumu bitir

## Home screen

home-title = Ne yapmak istersiniz?
tile-find-help = Yardım bul
tile-language = Dil
tile-display = Ekran
tile-read-aloud = Sesli oku
tile-end-session = Oturumu bitir

## Language picker

language-title = Dilinizi seçin.

## Display settings

display-title = Ekran
display-text-size = Yazı boyutu
display-text-size-value = %{ $percent }
display-contrast = Kontrast
display-contrast-normal = Normal
display-contrast-high = Yüksek kontrast
display-preview = Metin şimdi böyle görünüyor. Seçiminiz, oturumu bitirene kadar geçerli.

## Find help

help-title = Yardım bul
help-search-placeholder = Buraya dokunun ve ne aradığınızı yazın.
help-search-sample = yemek
help-clear = Sil
help-all = Tümü
help-results =
    { $count ->
        [one] { $count } hizmet bulundu
       *[other] { $count } hizmet bulundu
    }
help-none = Maalesef bununla ilgili bir şey bulamadık. Bir konu seçin veya personele sorun.
help-crisis-title = Burada her zaman birine ulaşırsınız
help-categories-title = Konular
help-filters-title = Sadece göster
help-phone = Telefon: { $phone }
help-more = Daha fazla
filter-open-now = şimdi açık
filter-free = ücretsiz
filter-walk-in = randevusuz
filter-my-language = benim dilimde
filter-wheelchair = tekerlekli sandalyeye uygun
filter-women = kadınlar için
filter-young = gençler için
status-open-until = Şimdi açık, saat { $time }'a kadar
status-open-always = Şimdi açık, 24 saat
status-opens-in =
    { $minutes ->
        [one] 1 dakika sonra açılıyor
       *[other] { $minutes } dakika sonra açılıyor
    }
status-opens-today = Kapalı, bugün saat { $time }'da açılıyor
status-opens-tomorrow = Kapalı, yarın saat { $time }'da açılıyor
status-opens-on = Kapalı, { $day } saat { $time }'da açılıyor
status-closed = Şu anda kapalı
status-appointment = Sadece randevuyla
distance-metres = { $metres } m
distance-km = { $km } km
distance-towards = { $distance }, { $landmark } yönünde
distance-compass = { $distance } { $compass }
direction-n = kuzeye
direction-ne = kuzeydoğuya
direction-e = doğuya
direction-se = güneydoğuya
direction-s = güneye
direction-sw = güneybatıya
direction-w = batıya
direction-nw = kuzeybatıya
weekday-mon = Pazartesi
weekday-tue = Salı
weekday-wed = Çarşamba
weekday-thu = Perşembe
weekday-fri = Cuma
weekday-sat = Cumartesi
weekday-sun = Pazar
days-daily = Her gün
days-range = { $first } – { $last }
hours-range = { $days }: { $opens } – { $closes }
hours-whole-day = { $days }: 24 saat
hours-today = bugün
hours-holidays-closed = Resmi tatillerde kapalı.
hours-holidays-open = Resmi tatillerde de açık.
hours-closed-on = Ayrıca { $dates } tarihinde kapalı.
detail-hours = Açılış saatleri
detail-address = Adres
detail-way = Nasıl bulunur
detail-bring = Lütfen yanınızda getirin
detail-who = Kimler gelebilir?
detail-costs = Ücret
detail-languages = Konuşulan diller
detail-access = Randevu ve erişim
who-everyone = Herkes gelebilir.
who-women = Sadece kadınlar için.
who-young = 27 yaşına kadar gençler için.
cost-free = Ücretsiz.
cost-unknown = Lütfen orada sorun.
access-appointment = Lütfen önceden randevu alın.
access-walk-in = Randevusuz gelebilirsiniz.
access-wheelchair = Basamaksız giriş.
access-steps = Basamak var, tekerlekli sandalyeye uygun değil.
detail-map = Haritada göster
map-zoom-in = Yakınlaştır
map-zoom-out = Uzaklaştır
map-schematic = Bu bölge için harita yok. Çizgi yönü ve mesafeyi gösterir.
slip-qr = Telefonla tarayın: hepsi metin olarak, internetsiz.
slip-print = Not yazdır
slip-saved = Not hazır. Lütfen çıktıyı personelden isteyin.
slip-failed = Not hazırlanamadı. Lütfen personele sorun.
category-sleep = Kalacak yer
category-food = Yemek
category-clothes-showers = Giysi ve duş
category-health = Sağlık
category-money = Para ve yardımlar
category-debts = Borçlar
category-housing = Konut
category-family = Aile ve çocuklar
category-migration = Göç ve iltica
category-addiction = Bağımlılık
category-violence-crisis = Şiddet ve kriz
category-legal = Hukuki danışmanlık
category-work = İş
category-documents-post = Belgeler ve posta

## On-screen keyboard

osk-symbols = 123
osk-letters = ABC
osk-done = Tamam

## End of a session

countdown-title = Hâlâ burada mısınız?
countdown-text =
    { $seconds ->
        [one] Oturum { $seconds } saniye sonra bitecek. Sonra her şey silinecek.
       *[other] Oturum { $seconds } saniye sonra bitecek. Sonra her şey silinecek.
    }
countdown-stay = Hâlâ buradayım
countdown-end = Şimdi bitir
confirm-end-title = Oturum bitirilsin mi?
confirm-end-text = Yazdığınız veya seçtiğiniz her şey silinecek.
confirm-end-yes = Evet, bitir
confirm-end-no = Hayır, devam et

## Read aloud

speech-no-voice = Maalesef bu dil için sesli okuma yok.
speech-unavailable = Sesli okuma şu anda çalışmıyor. Lütfen personele sorun.
notice-close = Kapat

## Notices for staff (shown on the attract screen)

staff-config = Ayarlar { $path }: { $problem }
staff-translation = Çeviri hatalı: { $problem }
staff-font = { $script } için yazı tipi bulunamadı. Lütfen fonts-noto-core paketini kurun.
staff-input = Dokunmalar yalnızca kiosk penceresinde algılanıyor: { $reason }
staff-display-small = Ekran { $width }×{ $height } boyutunda. Anlauf en az 1024×600 gerektirir.
script-latin = Latin alfabesi
script-cyrillic = Kiril alfabesi
script-arabic = Arap alfabesi

## Forms

tile-forms = Başvuru doldur
forms-title = Başvuru doldur
forms-intro = Bir başvuru seçin. Adım adım soruyoruz. Sonunda yazdırırsınız.
forms-search-placeholder = Başvuru ara
forms-none = Bunun için burada başvuru yok. Lütfen personele sorun.
form-step = Adım { $step } / { $total }
form-next = İleri
form-back = Önceki adım
form-summary = Lütfen cevaplarınızı kontrol edin.
form-change = Değiştir
form-print = Başvuruyu yazdır
form-printed = Başvurunuz hazır. İmzalayın ve teslim edin.
form-add-entry = Bir tane daha ekle
form-remove-entry = Kaldır
form-entry = { $label } { $number }
form-offer = Daha önce girildi: { $value }
form-offer-use = Kullan
form-german = Almanca göster
form-own-language = Kendi dilime dön
form-online = Çevrimiçi devam et
form-privacy = Veri koruma
form-optional = isteğe bağlı
form-required = Lütfen bu soruyu cevaplayın.
form-constraint = Bu cevap uymuyor. Lütfen kontrol edin.
form-invalid-integer = Lütfen sadece tam sayı girin, örneğin 3.
form-invalid-decimal = Lütfen bir sayı girin, örneğin 450,50.
form-invalid-date = Lütfen bir tarih girin: gün.ay.yıl, örneğin 24.12.1980.
form-invalid-iban-format = IBAN iki harf ve iki rakamla başlar. Almanya'da 22 karakterdir. Banka kartınızda yazar.
form-invalid-iban-checksum = Bu IBAN doğru değil. Belki bir rakam eksik ya da iki rakamın yeri değişmiş. Lütfen banka kartınızla karşılaştırın.
form-invalid-tax-id-format = Vergi numarası 11 rakamdır. Vergi dairesinin mektuplarında yazar.
form-invalid-tax-id-checksum = Bu vergi numarası doğru değil. Lütfen her rakamı kontrol edin.
form-invalid-social-insurance-format = Sosyal sigorta numarası 12 karakterdir: 8 rakam, bir harf, 3 rakam.
form-invalid-social-insurance-checksum = Bu sosyal sigorta numarası doğru değil. Lütfen her karakteri kontrol edin.
form-invalid-postcode = Posta kodu 5 rakamdır, örneğin 04109.
form-invalid-phone = Lütfen telefon numarasını rakamla girin, örneğin 0341 1234567.
form-invalid-email = Lütfen bir e-posta adresi girin, örneğin name@example.org.
form-invalid-birth-future = Bu doğum tarihi gelecekte. Lütfen yılı kontrol edin.
form-invalid-birth-early = Bu doğum tarihi 120 yıldan daha önce. Lütfen yılı kontrol edin.
form-pdf-documents = Lütfen yanınızda getirin
form-pdf-online = Bu başvuru çevrimiçi de yapılabilir
form-pdf-signature = Yer, tarih, imza
form-pdf-fim = FIM alan kataloğuna göre alan kimlikleri
