//! The assist-mode PIN: format, hash, verify.

use crate::pin::{self, PinError};

#[test]
fn a_hashed_pin_verifies_and_nothing_else_does() {
    let hash = pin::hash("4711").unwrap();
    assert!(hash.starts_with("$argon2id$v=19$"), "{hash}");
    assert!(pin::verify(&hash, "4711"));
    assert!(!pin::verify(&hash, "4712"));
    assert!(!pin::verify(&hash, ""));
    assert!(!pin::verify(&hash, "47110"));
    // A fresh salt each time: two hashes of one PIN differ and both verify.
    let again = pin::hash("4711").unwrap();
    assert_ne!(hash, again);
    assert!(pin::verify(&again, "4711"));
}

#[test]
fn malformed_hashes_verify_nothing() {
    assert!(!pin::verify("", "4711"));
    assert!(!pin::verify("4711", "4711"));
    assert!(!pin::verify("$argon2id$v=19$m=19456,t=2,p=1$", "4711"));
    let hash = pin::hash("123456").unwrap();
    let argon2i = hash.replacen("$argon2id$", "$argon2i$", 1);
    assert!(!pin::verify(&argon2i, "123456"));
}

#[test]
fn pin_format() {
    let cases: &[(&str, Result<(), PinError>)] = &[
        ("1234", Ok(())),
        ("123456789012", Ok(())),
        ("", Err(PinError::Empty)),
        ("123", Err(PinError::Length(3))),
        ("1234567890123", Err(PinError::Length(13))),
        ("12a4", Err(PinError::NotDigits)),
        ("12 34", Err(PinError::NotDigits)),
        ("١٢٣٤", Err(PinError::NotDigits)),
    ];
    for (input, expected) in cases {
        assert_eq!(&pin::check_format(input), expected, "{input:?}");
    }
    assert_eq!(
        PinError::Length(3).to_string(),
        "a PIN has 4 to 12 digits, not 3"
    );
    assert_eq!(pin::hash("12a4"), Err(PinError::NotDigits));
}
