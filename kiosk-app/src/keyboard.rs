//! The on-screen keyboard's layouts and editing, without any drawing. The
//! keyboard edits an app-owned string (no platform text input is involved, so
//! it works the same under a locked-down compositor and in every script).

use zeroize::Zeroize;

use crate::language::Language;

/// A keyboard layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    /// German QWERTZ with umlauts and ß.
    German,
    /// English QWERTY.
    English,
    /// Arabic (the common PC layout).
    Arabic,
    /// Farsi (ISIRI 9147 letters).
    Farsi,
    /// Ukrainian ЙЦУКЕН with ї, і, є, ґ.
    Ukrainian,
    /// Russian ЙЦУКЕН.
    Russian,
    /// Bulgarian phonetic.
    Bulgarian,
    /// Turkish Q.
    Turkish,
    /// Romanian with ă, â, î, ș, ț.
    Romanian,
    /// Polish with a row of ą ć ę ł ń ó ś ź ż.
    Polish,
    /// Digits only, for numeric fields.
    NumberPad,
    /// Digits with comma and point, for amounts and dates.
    DecimalPad,
}

/// Which page of a letter layout shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Page {
    /// The letters.
    #[default]
    Letters,
    /// Digits and punctuation.
    Symbols,
}

/// One key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    /// Types its text.
    Char(String),
    /// Toggles capitals for the next letter.
    Shift,
    /// Deletes the last character.
    Backspace,
    /// Types a space.
    Space,
    /// Finishes the entry.
    Enter,
    /// Switches between letters and symbols.
    TogglePage,
    /// Switches to the next layout.
    NextLayout,
}

const SYMBOL_ROWS: [&str; 3] = [
    "1 2 3 4 5 6 7 8 9 0",
    "- / : ; ( ) € & @ \"",
    ". , ? ! ' + = % #",
];
const NUMBER_ROWS: [&str; 4] = ["1 2 3", "4 5 6", "7 8 9", "0"];
const DECIMAL_ROWS: [&str; 4] = ["1 2 3", "4 5 6", "7 8 9", ", 0 ."];

impl Layout {
    /// The layout that matches a UI language.
    pub fn for_language(language: Language) -> Layout {
        match language {
            Language::German | Language::EasyGerman => Layout::German,
            Language::English => Layout::English,
            Language::Arabic => Layout::Arabic,
            Language::Farsi => Layout::Farsi,
            Language::Ukrainian => Layout::Ukrainian,
            Language::Russian => Layout::Russian,
            Language::Bulgarian => Layout::Bulgarian,
            Language::Turkish => Layout::Turkish,
            Language::Romanian => Layout::Romanian,
            Language::Polish => Layout::Polish,
        }
    }

    /// The language whose name labels the layout key.
    pub fn language(self) -> Language {
        match self {
            Layout::German => Language::German,
            Layout::English | Layout::NumberPad | Layout::DecimalPad => Language::English,
            Layout::Arabic => Language::Arabic,
            Layout::Farsi => Language::Farsi,
            Layout::Ukrainian => Language::Ukrainian,
            Layout::Russian => Language::Russian,
            Layout::Bulgarian => Language::Bulgarian,
            Layout::Turkish => Language::Turkish,
            Layout::Romanian => Language::Romanian,
            Layout::Polish => Language::Polish,
        }
    }

    /// Whether the script has capitals (Arabic script has none).
    pub fn has_case(self) -> bool {
        !matches!(
            self,
            Layout::Arabic | Layout::Farsi | Layout::NumberPad | Layout::DecimalPad
        )
    }

    /// The letter rows, lower case then upper case, keys separated by spaces.
    fn letter_rows(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            Layout::German => (
                &[
                    "q w e r t z u i o p ü",
                    "a s d f g h j k l ö ä",
                    "y x c v b n m ß",
                ],
                &[
                    "Q W E R T Z U I O P Ü",
                    "A S D F G H J K L Ö Ä",
                    "Y X C V B N M ẞ",
                ],
            ),
            Layout::English => (
                &["q w e r t y u i o p", "a s d f g h j k l", "z x c v b n m"],
                &["Q W E R T Y U I O P", "A S D F G H J K L", "Z X C V B N M"],
            ),
            Layout::Arabic => (
                &[
                    "ض ص ث ق ف غ ع ه خ ح ج د",
                    "ش س ي ب ل ا ت ن م ك ط",
                    "ئ ء ؤ ر لا ى ة و ز ظ ذ",
                ],
                &[],
            ),
            Layout::Farsi => (
                &[
                    "ض ص ث ق ف غ ع ه خ ح ج چ",
                    "ش س ی ب ل ا ت ن م ک گ",
                    "ظ ط ز ر ذ د پ و ژ آ",
                ],
                &[],
            ),
            Layout::Ukrainian => (
                &[
                    "й ц у к е н г ш щ з х ї",
                    "ф і в а п р о л д ж є",
                    "я ч с м и т ь б ю ґ",
                ],
                &[
                    "Й Ц У К Е Н Г Ш Щ З Х Ї",
                    "Ф І В А П Р О Л Д Ж Є",
                    "Я Ч С М И Т Ь Б Ю Ґ",
                ],
            ),
            Layout::Russian => (
                &[
                    "й ц у к е н г ш щ з х ъ",
                    "ф ы в а п р о л д ж э",
                    "я ч с м и т ь б ю ё",
                ],
                &[
                    "Й Ц У К Е Н Г Ш Щ З Х Ъ",
                    "Ф Ы В А П Р О Л Д Ж Э",
                    "Я Ч С М И Т Ь Б Ю Ё",
                ],
            ),
            Layout::Bulgarian => (
                &[
                    "я в е р т ъ у и о п ш щ",
                    "а с д ф г х й к л ю",
                    "з ь ц ж б н м ч",
                ],
                &[
                    "Я В Е Р Т Ъ У И О П Ш Щ",
                    "А С Д Ф Г Х Й К Л Ю",
                    "З Ь Ц Ж Б Н М Ч",
                ],
            ),
            Layout::Turkish => (
                &[
                    "q w e r t y u ı o p ğ ü",
                    "a s d f g h j k l ş i",
                    "z x c v b n m ö ç",
                ],
                &[
                    "Q W E R T Y U I O P Ğ Ü",
                    "A S D F G H J K L Ş İ",
                    "Z X C V B N M Ö Ç",
                ],
            ),
            Layout::Romanian => (
                &[
                    "q w e r t y u i o p ă î",
                    "a s d f g h j k l ș ț â",
                    "z x c v b n m",
                ],
                &[
                    "Q W E R T Y U I O P Ă Î",
                    "A S D F G H J K L Ș Ț Â",
                    "Z X C V B N M",
                ],
            ),
            Layout::Polish => (
                &[
                    "ą ć ę ł ń ó ś ź ż",
                    "q w e r t y u i o p",
                    "a s d f g h j k l",
                    "z x c v b n m",
                ],
                &[
                    "Ą Ć Ę Ł Ń Ó Ś Ź Ż",
                    "Q W E R T Y U I O P",
                    "A S D F G H J K L",
                    "Z X C V B N M",
                ],
            ),
            Layout::NumberPad => (&NUMBER_ROWS, &[]),
            Layout::DecimalPad => (&DECIMAL_ROWS, &[]),
        }
    }

    /// The rows of keys to draw for a page and shift state, special keys included.
    pub fn rows(self, page: Page, shift: bool) -> Vec<Vec<Key>> {
        let chars = |row: &str| -> Vec<Key> {
            row.split(' ')
                .filter(|k| !k.is_empty())
                .map(|k| Key::Char(k.to_owned()))
                .collect()
        };
        if matches!(self, Layout::NumberPad | Layout::DecimalPad) {
            let pad = if self == Layout::NumberPad {
                &NUMBER_ROWS
            } else {
                &DECIMAL_ROWS
            };
            let mut rows: Vec<Vec<Key>> = pad.iter().map(|row| chars(row)).collect();
            if let Some(last) = rows.last_mut() {
                last.push(Key::Backspace);
                last.push(Key::Enter);
            }
            return rows;
        }
        let mut rows: Vec<Vec<Key>> = match page {
            Page::Symbols => SYMBOL_ROWS.iter().map(|row| chars(row)).collect(),
            Page::Letters => {
                let (lower, upper) = self.letter_rows();
                let source = if shift && self.has_case() {
                    upper
                } else {
                    lower
                };
                source.iter().map(|row| chars(row)).collect()
            }
        };
        if let Some(last) = rows.last_mut() {
            if page == Page::Letters && self.has_case() {
                last.insert(0, Key::Shift);
            }
            last.push(Key::Backspace);
        }
        rows.push(vec![
            Key::TogglePage,
            Key::NextLayout,
            Key::Space,
            Key::Enter,
        ]);
        rows
    }
}

/// What a key press did to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The text changed.
    Edited,
    /// The keyboard changed (page, shift or layout); the text did not.
    Switched,
    /// The visitor finished the entry.
    Done,
}

/// A keyboard editing one app-owned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyboard {
    /// The layout on screen.
    pub layout: Layout,
    /// Letters or symbols.
    pub page: Page,
    /// Capitals for the next letter.
    pub shift: bool,
    layouts: Vec<Layout>,
}

impl Keyboard {
    /// A keyboard for the visitor's language; NextLayout cycles through the
    /// layouts of the site's languages (English always among them).
    pub fn new(language: Language, site_languages: &[Language]) -> Self {
        let mut layouts: Vec<Layout> = Vec::new();
        for layout in site_languages
            .iter()
            .map(|language| Layout::for_language(*language))
            .chain([Layout::English])
        {
            if !layouts.contains(&layout) {
                layouts.push(layout);
            }
        }
        Keyboard {
            layout: Layout::for_language(language),
            page: Page::Letters,
            shift: false,
            layouts,
        }
    }

    /// A number pad, for numeric fields.
    pub fn numbers() -> Self {
        Keyboard {
            layout: Layout::NumberPad,
            page: Page::Letters,
            shift: false,
            layouts: vec![],
        }
    }

    /// Digits with comma and point, for amounts and dates.
    pub fn decimals() -> Self {
        Keyboard {
            layout: Layout::DecimalPad,
            ..Keyboard::numbers()
        }
    }

    /// The rows to draw now.
    pub fn rows(&self) -> Vec<Vec<Key>> {
        self.layout.rows(self.page, self.shift)
    }

    /// The layout NextLayout switches to.
    pub fn next_layout(&self) -> Layout {
        let position = self
            .layouts
            .iter()
            .position(|layout| *layout == self.layout);
        match position {
            Some(index) => self.layouts[(index + 1) % self.layouts.len()],
            None => self.layouts.first().copied().unwrap_or(self.layout),
        }
    }

    /// Applies a key to `text`.
    pub fn press(&mut self, key: &Key, text: &mut String) -> Outcome {
        match key {
            Key::Char(typed) => {
                text.push_str(typed);
                self.shift = false;
                Outcome::Edited
            }
            Key::Space => {
                text.push(' ');
                Outcome::Edited
            }
            Key::Backspace => {
                if let Some(last) = text.pop() {
                    let mut last = last;
                    last.zeroize();
                }
                Outcome::Edited
            }
            Key::Shift => {
                self.shift = !self.shift;
                Outcome::Switched
            }
            Key::TogglePage => {
                self.page = match self.page {
                    Page::Letters => Page::Symbols,
                    Page::Symbols => Page::Letters,
                };
                Outcome::Switched
            }
            Key::NextLayout => {
                self.layout = self.next_layout();
                self.page = Page::Letters;
                self.shift = false;
                Outcome::Switched
            }
            Key::Enter => Outcome::Done,
        }
    }
}

/// Applies `key` with the keyboard, if one is open, to `text`; the
/// keyboard closes when the visitor finishes the entry.
pub fn press_open(keyboard: &mut Option<Keyboard>, key: &Key, text: &mut String) {
    let done = keyboard
        .as_mut()
        .is_some_and(|open| open.press(key, text) == Outcome::Done);
    if done {
        *keyboard = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn type_keys(keyboard: &mut Keyboard, keys: &[Key]) -> String {
        let mut text = String::new();
        for key in keys {
            keyboard.press(key, &mut text);
        }
        text
    }

    #[test]
    fn every_language_has_a_layout_in_its_script() {
        for language in Language::ALL {
            let layout = Layout::for_language(language);
            let rows = layout.rows(Page::Letters, false);
            let letters: String = rows
                .iter()
                .flatten()
                .filter_map(|key| match key {
                    Key::Char(c) => Some(c.as_str()),
                    _ => None,
                })
                .collect();
            let sample = match language.script() {
                crate::language::Script::Arabic => 'ب',
                crate::language::Script::Cyrillic => 'д',
                crate::language::Script::Latin => 'e',
            };
            assert!(
                letters.contains(sample),
                "{language:?} layout lacks {sample}"
            );
        }
    }

    #[test]
    fn special_letters_are_on_their_layouts() {
        let has = |layout: Layout, letters: &str| {
            let all: String = layout
                .rows(Page::Letters, false)
                .into_iter()
                .chain(layout.rows(Page::Letters, true))
                .flatten()
                .filter_map(|key| {
                    if let Key::Char(c) = key {
                        Some(c)
                    } else {
                        None
                    }
                })
                .collect();
            letters.chars().all(|c| all.contains(c))
        };
        assert!(has(Layout::German, "äöüßÄÖÜ"));
        assert!(has(Layout::Turkish, "ğüşıöçİĞŞ"));
        assert!(has(Layout::Romanian, "ăâîșțĂÂÎȘȚ"));
        assert!(has(Layout::Polish, "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"));
        assert!(has(Layout::Ukrainian, "їієґЇІЄҐ"));
        assert!(has(Layout::Russian, "ыэъёЫЭЪЁ"));
        assert!(has(Layout::Farsi, "پچژگکی"));
        assert!(has(Layout::Arabic, "ةىءئؤ"));
    }

    #[test]
    fn shift_capitalises_one_letter() {
        let mut keyboard = Keyboard::new(Language::German, &[Language::German]);
        let text = type_keys(
            &mut keyboard,
            &[
                Key::Shift,
                Key::Char("Ü".into()),
                Key::Char("b".into()),
                Key::Space,
            ],
        );
        assert_eq!(text, "Üb ");
        assert!(!keyboard.shift);
    }

    #[test]
    fn turkish_shift_gives_dotted_capital_i() {
        let rows = Layout::Turkish.rows(Page::Letters, true);
        assert!(
            rows.iter()
                .flatten()
                .any(|key| *key == Key::Char("İ".into()))
        );
    }

    #[test]
    fn backspace_removes_one_character_and_empty_is_safe() {
        let mut keyboard = Keyboard::new(Language::Arabic, &[Language::Arabic]);
        let mut text = String::from("سلام");
        keyboard.press(&Key::Backspace, &mut text);
        assert_eq!(text, "سلا");
        let mut empty = String::new();
        assert_eq!(keyboard.press(&Key::Backspace, &mut empty), Outcome::Edited);
        assert!(empty.is_empty());
    }

    #[test]
    fn layouts_cycle_through_site_languages_and_english() {
        let mut keyboard = Keyboard::new(
            Language::Arabic,
            &[Language::German, Language::EasyGerman, Language::Arabic],
        );
        let mut text = String::new();
        let mut seen = vec![keyboard.layout];
        for _ in 0..3 {
            keyboard.press(&Key::NextLayout, &mut text);
            seen.push(keyboard.layout);
        }
        assert_eq!(
            seen,
            [
                Layout::Arabic,
                Layout::English,
                Layout::German,
                Layout::Arabic
            ]
        );
    }

    #[test]
    fn symbols_page_has_digits_and_number_pad_has_only_digits() {
        let mut keyboard = Keyboard::new(Language::Russian, &[Language::Russian]);
        let mut text = String::new();
        keyboard.press(&Key::TogglePage, &mut text);
        assert!(keyboard.rows()[0].contains(&Key::Char("7".into())));
        let pad = Keyboard::numbers();
        let chars: Vec<_> = pad
            .rows()
            .into_iter()
            .flatten()
            .filter_map(|key| {
                if let Key::Char(c) = key {
                    Some(c)
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(chars.len(), 10);
        assert!(chars.iter().all(|c| c.chars().all(|c| c.is_ascii_digit())));
    }

    #[test]
    fn enter_finishes() {
        let mut keyboard = Keyboard::new(Language::English, &[]);
        let mut text = String::new();
        assert_eq!(keyboard.press(&Key::Enter, &mut text), Outcome::Done);
    }
}
