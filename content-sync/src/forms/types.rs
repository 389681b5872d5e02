//! Checks of the field types German applications need: IBAN, tax
//! identification number, social insurance number, postcode, phone, e-mail
//! and date of birth. Each returns the normalised answer (spaces removed,
//! upper case) or why it is wrong; the kiosk turns the reason into a kind
//! message in the visitor's language.

use jiff::civil::Date;

use super::model::Kind;

/// Why an answer does not fit its field type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    /// Not a whole number.
    #[error("not a whole number")]
    Integer,
    /// Not a number.
    #[error("not a number")]
    Decimal,
    /// Not a date (`YYYY-MM-DD` or `DD.MM.YYYY`).
    #[error("not a date")]
    Date,
    /// An IBAN of the wrong length or with characters that do not belong.
    #[error(
        "an IBAN has a country code, two check digits and the account (22 characters in Germany)"
    )]
    IbanFormat,
    /// An IBAN whose check digits do not match (a typing error).
    #[error("the IBAN's check digits do not match")]
    IbanChecksum,
    /// A tax id that is not eleven digits.
    #[error("a tax identification number has eleven digits")]
    TaxIdFormat,
    /// A tax id whose check digit does not match.
    #[error("the tax identification number's check digit does not match")]
    TaxIdChecksum,
    /// A social insurance number not shaped `12 010190 A 123`.
    #[error("a social insurance number has twelve characters: 8 digits, a letter, 3 digits")]
    SocialInsuranceFormat,
    /// A social insurance number whose check digit does not match.
    #[error("the social insurance number's check digit does not match")]
    SocialInsuranceChecksum,
    /// Not five digits, or not a postcode in use.
    #[error("a German postcode has five digits")]
    Postcode,
    /// Not a phone number.
    #[error("not a phone number")]
    Phone,
    /// Not an e-mail address.
    #[error("not an e-mail address")]
    Email,
    /// A date of birth in the future.
    #[error("the date of birth is in the future")]
    BirthInFuture,
    /// A date of birth more than 120 years ago.
    #[error("the date of birth is more than 120 years ago")]
    BirthTooEarly,
}

impl Invalid {
    /// The kiosk's translation key of the message.
    pub fn message_key(self) -> &'static str {
        match self {
            Invalid::Integer => "form-invalid-integer",
            Invalid::Decimal => "form-invalid-decimal",
            Invalid::Date => "form-invalid-date",
            Invalid::IbanFormat => "form-invalid-iban-format",
            Invalid::IbanChecksum => "form-invalid-iban-checksum",
            Invalid::TaxIdFormat => "form-invalid-tax-id-format",
            Invalid::TaxIdChecksum => "form-invalid-tax-id-checksum",
            Invalid::SocialInsuranceFormat => "form-invalid-social-insurance-format",
            Invalid::SocialInsuranceChecksum => "form-invalid-social-insurance-checksum",
            Invalid::Postcode => "form-invalid-postcode",
            Invalid::Phone => "form-invalid-phone",
            Invalid::Email => "form-invalid-email",
            Invalid::BirthInFuture => "form-invalid-birth-future",
            Invalid::BirthTooEarly => "form-invalid-birth-early",
        }
    }

    /// Every reason, for the test that each has a message in every language.
    pub const ALL: &[Invalid] = &[
        Invalid::Integer,
        Invalid::Decimal,
        Invalid::Date,
        Invalid::IbanFormat,
        Invalid::IbanChecksum,
        Invalid::TaxIdFormat,
        Invalid::TaxIdChecksum,
        Invalid::SocialInsuranceFormat,
        Invalid::SocialInsuranceChecksum,
        Invalid::Postcode,
        Invalid::Phone,
        Invalid::Email,
        Invalid::BirthInFuture,
        Invalid::BirthTooEarly,
    ];
}

/// Checks `answer` (not empty) against the type of a field and returns it
/// normalised as it is stored and printed.
pub fn check(kind: &Kind, answer: &str, today: Date) -> Result<String, Invalid> {
    let answer = answer.trim();
    match kind {
        Kind::Integer => integer(answer),
        Kind::Decimal => decimal(answer),
        Kind::Date => date(answer).map(|d| d.to_string()),
        Kind::BirthDate => birth_date(answer, today).map(|d| d.to_string()),
        Kind::Iban => iban(answer),
        Kind::TaxId => tax_id(answer),
        Kind::SocialInsurance => social_insurance(answer),
        Kind::Postcode => postcode(answer),
        Kind::Phone => phone(answer),
        Kind::Email => email(answer),
        Kind::Text
        | Kind::SelectOne(_)
        | Kind::SelectMultiple(_)
        | Kind::Note
        | Kind::Calculate => Ok(answer.to_owned()),
    }
}

fn compact(answer: &str) -> String {
    answer
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase()
}

fn integer(answer: &str) -> Result<String, Invalid> {
    let digits = answer.strip_prefix('-').unwrap_or(answer);
    if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Invalid::Integer);
    }
    let value: i64 = answer.parse().map_err(|_| Invalid::Integer)?;
    Ok(value.to_string())
}

/// Reads `1234,50`, `1.234,50` and `1234.50`.
fn decimal(answer: &str) -> Result<String, Invalid> {
    let text = if answer.contains(',') {
        answer.replace('.', "").replace(',', ".")
    } else {
        answer.to_owned()
    };
    let ok = !text.is_empty()
        && text.len() <= 20
        && text
            .trim_start_matches('-')
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.')
        && text.matches('.').count() <= 1;
    let value: f64 = if ok {
        text.parse().map_err(|_| Invalid::Decimal)?
    } else {
        return Err(Invalid::Decimal);
    };
    if !value.is_finite() {
        return Err(Invalid::Decimal);
    }
    Ok(text)
}

/// Reads `YYYY-MM-DD` and the German `D.M.YYYY`.
pub fn date(answer: &str) -> Result<Date, Invalid> {
    if let Ok(date) = answer.parse::<Date>() {
        return Ok(date);
    }
    let parts: Vec<&str> = answer.split('.').map(str::trim).collect();
    let [day, month, year] = parts.as_slice() else {
        return Err(Invalid::Date);
    };
    let number = |s: &str, len: std::ops::RangeInclusive<usize>| {
        if len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse::<i16>().map_err(|_| Invalid::Date)
        } else {
            Err(Invalid::Date)
        }
    };
    let (day, month, year) = (
        number(day, 1..=2)?,
        number(month, 1..=2)?,
        number(year, 4..=4)?,
    );
    let month = i8::try_from(month).map_err(|_| Invalid::Date)?;
    let day = i8::try_from(day).map_err(|_| Invalid::Date)?;
    Date::new(year, month, day).map_err(|_| Invalid::Date)
}

fn birth_date(answer: &str, today: Date) -> Result<Date, Invalid> {
    let born = date(answer)?;
    if born > today {
        return Err(Invalid::BirthInFuture);
    }
    match today.checked_sub(jiff::Span::new().years(120)) {
        Ok(limit) if born < limit => Err(Invalid::BirthTooEarly),
        _ => Ok(born),
    }
}

/// IBAN lengths of the countries a visitor in Germany most likely banks in.
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("DE", 22),
    ("AT", 20),
    ("BE", 16),
    ("BG", 22),
    ("CH", 21),
    ("CZ", 24),
    ("DK", 18),
    ("ES", 24),
    ("FR", 27),
    ("GB", 22),
    ("IT", 27),
    ("LT", 20),
    ("LU", 20),
    ("NL", 18),
    ("PL", 28),
    ("RO", 24),
    ("TR", 26),
    ("UA", 29),
];

/// ISO 13616: the country's length where known (15 to 34 otherwise), and
/// the whole number, letters as 10 to 35, modulo 97 equal to 1.
pub fn iban(answer: &str) -> Result<String, Invalid> {
    let iban = compact(answer);
    let bytes = iban.as_bytes();
    let shaped = bytes.len() >= 15
        && bytes.len() <= 34
        && bytes[..2].iter().all(u8::is_ascii_uppercase)
        && bytes[2..4].iter().all(u8::is_ascii_digit)
        && bytes.iter().all(u8::is_ascii_alphanumeric);
    if !shaped {
        return Err(Invalid::IbanFormat);
    }
    if let Some((_, length)) = IBAN_LENGTHS
        .iter()
        .find(|(cc, _)| cc.as_bytes() == &bytes[..2])
        && *length != bytes.len()
    {
        return Err(Invalid::IbanFormat);
    }
    let mut remainder: u32 = 0;
    for &b in bytes[4..].iter().chain(&bytes[..4]) {
        let value = if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        };
        remainder = if value >= 10 {
            (remainder * 100 + value) % 97
        } else {
            (remainder * 10 + value) % 97
        };
    }
    if remainder != 1 {
        return Err(Invalid::IbanChecksum);
    }
    Ok(iban
        .as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" "))
}

/// The Steuer-ID: eleven digits, the first not 0, in the first ten one
/// digit twice or three times and the others at most once, the last a
/// check digit after ISO 7064 MOD 11,10.
pub fn tax_id(answer: &str) -> Result<String, Invalid> {
    let id = compact(answer);
    let digits: Vec<u32> = id.chars().filter_map(|c| c.to_digit(10)).collect();
    if id.len() != 11 || digits.len() != 11 || digits[0] == 0 {
        return Err(Invalid::TaxIdFormat);
    }
    let mut counts = [0u8; 10];
    for &d in &digits[..10] {
        counts[d as usize] += 1;
    }
    let repeated: Vec<u8> = counts.iter().copied().filter(|&n| n > 1).collect();
    if !matches!(repeated.as_slice(), [2] | [3]) {
        return Err(Invalid::TaxIdChecksum);
    }
    let mut product = 10;
    for &d in &digits[..10] {
        let mut sum = (d + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (sum * 2) % 11;
    }
    let check = (11 - product) % 10;
    if check != digits[10] {
        return Err(Invalid::TaxIdChecksum);
    }
    Ok(id)
}

/// The Rentenversicherungsnummer: area (2 digits), date of birth (DDMMYY),
/// the initial of the birth name, serial (2 digits) and a check digit: the
/// letter becomes its two-digit place in the alphabet, the twelve digits
/// are weighted 2 1 2 5 7 1 2 1 2 1 2 1, the digit sums of the products
/// added, modulo 10.
pub fn social_insurance(answer: &str) -> Result<String, Invalid> {
    let number = compact(answer);
    let chars: Vec<char> = number.chars().collect();
    let shaped = chars.len() == 12
        && chars[..8].iter().all(char::is_ascii_digit)
        && chars[8].is_ascii_uppercase()
        && chars[9..].iter().all(char::is_ascii_digit);
    if !shaped {
        return Err(Invalid::SocialInsuranceFormat);
    }
    let day: u32 = number[2..4]
        .parse()
        .map_err(|_| Invalid::SocialInsuranceFormat)?;
    let month: u32 = number[4..6]
        .parse()
        .map_err(|_| Invalid::SocialInsuranceFormat)?;
    // Day numbers above 31 are given out when a birthday's serials run out.
    if !(1..=12).contains(&month) || day == 0 || day > 92 {
        return Err(Invalid::SocialInsuranceFormat);
    }
    let letter = chars[8] as u32 - 'A' as u32 + 1;
    let mut digits: Vec<u32> = chars[..8].iter().filter_map(|c| c.to_digit(10)).collect();
    digits.push(letter / 10);
    digits.push(letter % 10);
    digits.extend(chars[9..11].iter().filter_map(|c| c.to_digit(10)));
    let weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
    let sum: u32 = digits
        .iter()
        .zip(weights)
        .map(|(d, w)| {
            let p = d * w;
            p / 10 + p % 10
        })
        .sum();
    if chars[11].to_digit(10) != Some(sum % 10) {
        return Err(Invalid::SocialInsuranceChecksum);
    }
    Ok(number)
}

/// Five digits; postcodes start at 01001.
pub fn postcode(answer: &str) -> Result<String, Invalid> {
    let code = answer.trim();
    if code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit()) && !code.starts_with("00") {
        Ok(code.to_owned())
    } else {
        Err(Invalid::Postcode)
    }
}

/// Digits with the usual separators (`+49 341 555-0100`, `(0341) 555 01`),
/// six to fifteen digits (ITU E.164 allows fifteen).
pub fn phone(answer: &str) -> Result<String, Invalid> {
    let text = answer.trim();
    let allowed = text
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " -/()".contains(c) || (c == '+' && i == 0));
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if allowed && (6..=15).contains(&digits) {
        Ok(text.to_owned())
    } else {
        Err(Invalid::Phone)
    }
}

/// One `@`, something before it, a domain with a dot after it, no spaces.
pub fn email(answer: &str) -> Result<String, Invalid> {
    let text = answer.trim();
    let Some((local, domain)) = text.split_once('@') else {
        return Err(Invalid::Email);
    };
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local
            .chars()
            .any(|c| c.is_whitespace() || c == '@' || c.is_control());
    if domain_ok && local_ok && text.len() <= 254 {
        Ok(text.to_owned())
    } else {
        Err(Invalid::Email)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        jiff::civil::date(2026, 11, 30)
    }

    #[test]
    fn ibans_are_checked_by_their_check_digits() {
        assert_eq!(
            iban("DE89 3704 0044 0532 0130 00"),
            Ok("DE89 3704 0044 0532 0130 00".into())
        );
        assert_eq!(
            iban("de89370400440532013000"),
            Ok("DE89 3704 0044 0532 0130 00".into())
        );
        assert_eq!(
            iban("GB82 WEST 1234 5698 7654 32"),
            Ok("GB82 WEST 1234 5698 7654 32".into())
        );
        // One digit mistyped, two digits swapped.
        assert_eq!(
            iban("DE89 3704 0044 0532 0130 01"),
            Err(Invalid::IbanChecksum)
        );
        assert_eq!(
            iban("DE89 3704 0044 0532 0103 00"),
            Err(Invalid::IbanChecksum)
        );
        // German IBANs have 22 characters.
        assert_eq!(iban("DE89 3704 0044 0532 0130 0"), Err(Invalid::IbanFormat));
        assert_eq!(iban("DE89-3704"), Err(Invalid::IbanFormat));
        assert_eq!(
            iban("ÄÖ89 3704 0044 0532 0130 00"),
            Err(Invalid::IbanFormat)
        );
        assert_eq!(iban(""), Err(Invalid::IbanFormat));
    }

    #[test]
    fn tax_ids_follow_the_digit_rules_and_check_digit() {
        // The Federal Central Tax Office's published test numbers.
        assert_eq!(tax_id("86095742719"), Ok("86095742719".into()));
        assert_eq!(tax_id("47 036 892 816"), Ok("47036892816".into()));
        assert_eq!(tax_id("65929970489"), Ok("65929970489".into()));
        assert_eq!(tax_id("86095742718"), Err(Invalid::TaxIdChecksum));
        // Ten distinct digits: no digit repeated.
        assert_eq!(tax_id("12345678903"), Err(Invalid::TaxIdChecksum));
        assert_eq!(tax_id("06095742719"), Err(Invalid::TaxIdFormat));
        assert_eq!(tax_id("8609574271"), Err(Invalid::TaxIdFormat));
        assert_eq!(tax_id("8609574271x"), Err(Invalid::TaxIdFormat));
    }

    #[test]
    fn social_insurance_numbers_carry_birth_date_letter_and_check_digit() {
        assert_eq!(
            social_insurance("65 170839 J 003"),
            Ok("65170839J003".into())
        );
        assert_eq!(social_insurance("65170839j003"), Ok("65170839J003".into()));
        assert_eq!(
            social_insurance("65170839J004"),
            Err(Invalid::SocialInsuranceChecksum)
        );
        assert_eq!(
            social_insurance("65171339J003"),
            Err(Invalid::SocialInsuranceFormat)
        );
        assert_eq!(
            social_insurance("651708391003"),
            Err(Invalid::SocialInsuranceFormat)
        );
        assert_eq!(
            social_insurance("65170839J00"),
            Err(Invalid::SocialInsuranceFormat)
        );
    }

    #[test]
    fn postcodes_phones_and_mail_addresses() {
        assert_eq!(postcode(" 04109 "), Ok("04109".into()));
        assert_eq!(postcode("4109"), Err(Invalid::Postcode));
        assert_eq!(postcode("00999"), Err(Invalid::Postcode));
        assert_eq!(postcode("0410a"), Err(Invalid::Postcode));
        assert!(phone("+49 341 555-0100").is_ok());
        assert!(phone("(0341) 555 01 00").is_ok());
        assert_eq!(phone("0341"), Err(Invalid::Phone));
        assert_eq!(phone("0341 555 ab"), Err(Invalid::Phone));
        assert_eq!(phone("49+341555"), Err(Invalid::Phone));
        assert!(email("name@example.org").is_ok());
        assert!(email("müller@beispiel.de").is_ok());
        assert_eq!(email("name@example"), Err(Invalid::Email));
        assert_eq!(email("name example.org"), Err(Invalid::Email));
        assert_eq!(email("@example.org"), Err(Invalid::Email));
        assert_eq!(email("a b@example.org"), Err(Invalid::Email));
    }

    #[test]
    fn dates_in_both_spellings_and_plausible_birth_dates() {
        assert_eq!(date("2001-02-03"), Ok(jiff::civil::date(2001, 2, 3)));
        assert_eq!(date("3.2.2001"), Ok(jiff::civil::date(2001, 2, 3)));
        assert_eq!(date("31.02.2001"), Err(Invalid::Date));
        assert_eq!(date("3.2.01"), Err(Invalid::Date));
        assert_eq!(
            check(&Kind::BirthDate, "01.01.2030", today()),
            Err(Invalid::BirthInFuture)
        );
        assert_eq!(
            check(&Kind::BirthDate, "01.01.1900", today()),
            Err(Invalid::BirthTooEarly)
        );
        assert_eq!(
            check(&Kind::BirthDate, "24.12.1980", today()),
            Ok("1980-12-24".into())
        );
    }

    #[test]
    fn numbers_in_german_and_international_spelling() {
        assert_eq!(check(&Kind::Integer, " 3 ", today()), Ok("3".into()));
        assert_eq!(check(&Kind::Integer, "3.5", today()), Err(Invalid::Integer));
        assert_eq!(
            check(&Kind::Integer, "99999999999999999999", today()),
            Err(Invalid::Integer)
        );
        assert_eq!(
            check(&Kind::Decimal, "1.234,50", today()),
            Ok("1234.50".into())
        );
        assert_eq!(
            check(&Kind::Decimal, "563,00", today()),
            Ok("563.00".into())
        );
        assert_eq!(check(&Kind::Decimal, "12.5", today()), Ok("12.5".into()));
        assert_eq!(
            check(&Kind::Decimal, "12e5", today()),
            Err(Invalid::Decimal)
        );
        assert_eq!(
            check(&Kind::Decimal, "1.2.3", today()),
            Err(Invalid::Decimal)
        );
    }
}
