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
help-phone = Telefon: { $phone }
hours-range = { $days }: { $opens } – { $closes }
days-daily = Her gün
days-mon-fri = Pazartesi – Cuma
days-mon-thu = Pazartesi – Perşembe
days-sat-sun = Cumartesi ve Pazar
days-mon = Pazartesi
days-tue = Salı
days-wed = Çarşamba
days-thu = Perşembe
days-fri = Cuma
category-sleep = Kalacak yer
category-food = Yemek
category-clothes-showers = Giysi ve duş
category-health = Sağlık
category-debts = Borçlar
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
