//! Once only: personal data a visitor entered in one form, offered (not
//! forced) in the next form of the same session, and wiped with it.

use content_sync::forms::model::ProfileKey;
use zeroize::Zeroize;

/// What the visitor entered for each personal-data key in this session.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    values: Vec<(ProfileKey, String)>,
}

impl Zeroize for Profile {
    fn zeroize(&mut self) {
        for (_, value) in &mut self.values {
            value.zeroize();
        }
        self.values.clear();
    }
}

impl Profile {
    /// The value for `key`, if the visitor entered one.
    pub fn get(&self, key: ProfileKey) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Remembers `value` for `key` (an empty value forgets it).
    pub fn set(&mut self, key: ProfileKey, value: &str) {
        if let Some(index) = self.values.iter().position(|(k, _)| *k == key) {
            let (_, mut old) = self.values.remove(index);
            old.zeroize();
        }
        if !value.is_empty() {
            self.values.push((key, value.to_owned()));
        }
    }

    /// Whether nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}
