//! The assist-mode PIN: 4 to 12 digits, kept in the site file only as an
//! argon2id hash (`[assist] pin_hash`), made by `image-builder pin` and
//! checked by the kiosk with [`verify`].

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use password_hash::rand_core::OsRng;

/// The fewest digits a PIN has.
pub const MIN_DIGITS: usize = 4;
/// The most digits a PIN has.
pub const MAX_DIGITS: usize = 12;

/// Why a PIN is refused. Messages never repeat the PIN.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PinError {
    /// Nothing was typed.
    #[error("no PIN given: type 4 to 12 digits")]
    Empty,
    /// Something other than the digits 0 to 9.
    #[error("a PIN has only the digits 0 to 9")]
    NotDigits,
    /// Too few or too many digits.
    #[error("a PIN has {MIN_DIGITS} to {MAX_DIGITS} digits, not {0}")]
    Length(usize),
    /// The hash could not be made (no randomness from the system).
    #[error("the PIN could not be hashed: {0}")]
    Hash(String),
}

/// Whether `pin` is 4 to 12 digits.
pub fn check_format(pin: &str) -> Result<(), PinError> {
    if pin.is_empty() {
        return Err(PinError::Empty);
    }
    if !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(PinError::NotDigits);
    }
    if !(MIN_DIGITS..=MAX_DIGITS).contains(&pin.len()) {
        return Err(PinError::Length(pin.len()));
    }
    Ok(())
}

/// The argon2id PHC string of a good PIN (`$argon2id$v=19$m=19456,t=2,p=1$…`),
/// with a fresh random salt: hashing the same PIN twice gives two strings
/// that both verify.
pub fn hash(pin: &str) -> Result<String, PinError> {
    check_format(pin)?;
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| PinError::Hash(error.to_string()))
}

/// Whether `pin` is the PIN `hash` was made from. A malformed hash verifies
/// nothing.
pub fn verify(hash: &str, pin: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    if parsed.algorithm != argon2::Algorithm::Argon2id.ident() {
        return false;
    }
    Argon2::default()
        .verify_password(pin.as_bytes(), &parsed)
        .is_ok()
}
