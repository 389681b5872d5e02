//! Reading a visitor's question: words folded for matching, words that say
//! nothing dropped, everyday words and phrases mapped to categories through
//! the pack's own lists, and typos and split compounds forgiven against the
//! words the directory actually holds. Pure logic, no database: [`analyse`]
//! turns a question into [`Concept`]s that the database then matches.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Deserialize;

use crate::model::Category;

/// Folds text for matching: lower case; accents, umlauts and ß spelled
/// plainly; Arabic and Persian letter variants and vowel marks unified; so
/// that "Schuldnerberatung", "schuldnerberatung" and "Schuldnerbératung"
/// meet, and "تأمين" meets "تامين".
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' | 'á' | 'à' | 'â' | 'ă' | 'ą' | 'ã' => folded.push('a'),
            'ö' | 'ó' | 'ò' | 'ô' | 'ő' => folded.push('o'),
            'ü' | 'ú' | 'ù' | 'û' | 'ű' => folded.push('u'),
            'é' | 'è' | 'ê' | 'ę' | 'ë' => folded.push('e'),
            'í' | 'ì' | 'î' | 'ï' | 'ı' => folded.push('i'),
            'ß' => folded.push_str("ss"),
            'ș' | 'ş' | 'ś' | 'š' => folded.push('s'),
            'ț' | 'ţ' => folded.push('t'),
            'ç' | 'ć' | 'č' => folded.push('c'),
            'ğ' => folded.push('g'),
            'ł' => folded.push('l'),
            'ń' | 'ñ' => folded.push('n'),
            'ż' | 'ź' | 'ž' => folded.push('z'),
            'ё' => folded.push('е'),
            'й' => folded.push('и'),
            'ї' | 'і' => folded.push('и'),
            'є' => folded.push('е'),
            'ґ' => folded.push('г'),
            // Arabic script: hamza carriers, alif maqsura and ya, kaf, ta
            // marbuta, and Persian forms meet; vowel marks and tatweel go.
            'أ' | 'إ' | 'آ' | 'ٱ' => folded.push('ا'),
            'ى' | 'ي' | 'ئ' => folded.push('ی'),
            'ك' => folded.push('ک'),
            'ة' => folded.push('ه'),
            'ؤ' => folded.push('و'),
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => {}
            // Combining accents left by lower-casing ("İ" becomes "i̇").
            '\u{0300}'..='\u{036F}' => {}
            // Zero-width joiners inside Persian words.
            '\u{200C}' | '\u{200D}' => {}
            other => folded.push(other),
        }
    }
    folded
}

/// The words of `text`, folded.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What `search/LANG.toml` of a pack source says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Words that say nothing about what a visitor needs ("ich", "brauche").
    #[serde(default)]
    pub stopwords: Vec<String>,
    /// Everyday words and phrases per category id.
    #[serde(default)]
    pub synonyms: BTreeMap<String, Vec<String>>,
}

/// The words a pack knows, for reading questions: every word of the
/// directory's texts, the synonyms and the stopwords of every language.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Directory words by first letter, for typo tolerance.
    terms: HashMap<char, Vec<String>>,
    /// Every directory word, for exact lookup.
    known: BTreeSet<String>,
    /// Synonym phrases (folded words) with their categories.
    phrases: Vec<(Vec<String>, Category)>,
    /// Stopwords.
    stopwords: BTreeSet<String>,
}

impl Vocabulary {
    /// A vocabulary of the directory's `terms` (folded words) and the
    /// lexicons' synonyms and stopwords (`(category, phrase)` and words).
    pub fn new(
        terms: impl IntoIterator<Item = String>,
        synonyms: impl IntoIterator<Item = (Category, String)>,
        stopwords: impl IntoIterator<Item = String>,
    ) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        for term in terms {
            vocabulary.add_term(term);
        }
        for (category, phrase) in synonyms {
            let words = words(&phrase);
            if words.is_empty() {
                continue;
            }
            for word in &words {
                vocabulary.add_term(word.clone());
            }
            vocabulary.phrases.push((words, category));
        }
        // Longest phrases first, so "heute nacht schlafen" wins over "nacht".
        vocabulary
            .phrases
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
        vocabulary.phrases.dedup();
        vocabulary.stopwords = stopwords.into_iter().flat_map(|w| words(&w)).collect();
        vocabulary
    }

    fn add_term(&mut self, term: String) {
        if let Some(first) = term.chars().next()
            && self.known.insert(term.clone())
        {
            self.terms.entry(first).or_default().push(term);
        }
    }

    /// How many words it holds.
    pub fn len(&self) -> usize {
        self.known.len()
    }

    /// Whether it holds no words.
    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    /// Whether some word of the vocabulary starts with `prefix`.
    fn has_prefix(&self, prefix: &str) -> bool {
        self.known
            .range(prefix.to_owned()..)
            .next()
            .is_some_and(|term| term.starts_with(prefix))
    }

    /// Words within the typo allowance of `word` (none for short words).
    fn near(&self, word: &str) -> Vec<String> {
        let allowance = allowance(word);
        if allowance == 0 {
            return Vec::new();
        }
        let Some(first) = word.chars().next() else {
            return Vec::new();
        };
        let length = word.chars().count();
        self.terms
            .get(&first)
            .into_iter()
            .flatten()
            .filter(|term| term.chars().count().abs_diff(length) <= allowance)
            .filter(|term| within(word, term, allowance))
            .cloned()
            .collect()
    }
}

/// How many edits a word of this length may carry: none below five
/// letters, one up to eight, two beyond.
fn allowance(word: &str) -> usize {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Whether `a` and `b` are at most `limit` edits apart (insertions,
/// deletions, substitutions and swaps of neighbours).
pub fn within(a: &str, b: &str, limit: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    // Optimal string alignment distance, row by row, stopping early when a
    // whole row exceeds the limit.
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(row[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            row[j] = best;
        }
        if row.iter().all(|d| *d > limit) {
            return false;
        }
        before = std::mem::replace(&mut previous, row);
    }
    previous[b.len()] <= limit
}

/// A term to look up in the directory's text index.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Term {
    /// Words starting with this.
    Prefix(String),
    /// Exactly this word.
    Exact(String),
    /// Service names with a word starting with this (for questions of one
    /// or two letters).
    NamePrefix(String),
}

/// One thing a visitor asked for: found in a service's texts through one
/// of `terms`, or by the service being in one of `categories`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Concept {
    /// Text index terms.
    pub terms: BTreeSet<Term>,
    /// Categories the words name.
    pub categories: BTreeSet<Category>,
}

/// The concepts of a question. An empty list means "everything" (no
/// question, or one letter).
pub fn analyse(question: &str, vocabulary: &Vocabulary) -> Vec<Concept> {
    let words = words(question);
    let letters: usize = words.iter().map(|w| w.chars().count()).sum();
    if letters < 3 {
        // One or two letters: names that start with them; one is too few.
        return match words.as_slice() {
            [word] if word.chars().count() == 2 => vec![Concept {
                terms: BTreeSet::from([Term::NamePrefix(word.clone())]),
                categories: BTreeSet::new(),
            }],
            _ => Vec::new(),
        };
    }
    // Only words that say nothing ("ich brauche"): everything, nearest first.
    let says_nothing = |(k, word): (usize, &String)| {
        vocabulary.stopwords.contains(word)
            && phrase_at(std::slice::from_ref(word), k + 1 == words.len(), vocabulary).is_none()
    };
    if words.iter().enumerate().all(says_nothing) {
        return Vec::new();
    }
    let mut concepts = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let last = i + 1 == words.len();
        // A phrase of several words names its category ("heute nacht
        // schlafen", "bedun bime"); its words are still read one by one
        // below, so that they also match the services' texts.
        if let Some((length, categories)) = phrase_at(&words[i..], true, vocabulary)
            && length > 1
        {
            // Written as one compound, it may be a directory word
            // ("schuldner beratung": "schuldnerberatung").
            let joined = words[i..i + length].concat();
            let terms = if vocabulary.known.contains(&joined) {
                expand(&joined, vocabulary)
            } else {
                BTreeSet::new()
            };
            concepts.push(Concept { terms, categories });
        }
        let word = &words[i];
        if let Some((_, categories)) = phrase_at(std::slice::from_ref(word), last, vocabulary) {
            concepts.push(Concept {
                terms: expand(word, vocabulary),
                categories,
            });
            i += 1;
            continue;
        }
        // Words that say nothing, and one or two letters of a word (still
        // being typed, or an initial): matching them would find nearly
        // everything.
        if vocabulary.stopwords.contains(word) || word.chars().count() < MIN_WORD {
            i += 1;
            continue;
        }
        // A compound split in two ("schuldner beratung").
        if let Some(next) = words.get(i + 1) {
            let joined = format!("{word}{next}");
            let split_known = vocabulary.known.contains(word) && vocabulary.known.contains(next);
            if !split_known
                && (vocabulary.known.contains(&joined) || vocabulary.has_prefix(&joined))
            {
                concepts.push(Concept {
                    terms: expand(&joined, vocabulary),
                    categories: BTreeSet::new(),
                });
                i += 2;
                continue;
            }
        }
        let terms = expand(word, vocabulary);
        if !terms.is_empty() {
            concepts.push(Concept {
                terms,
                categories: BTreeSet::new(),
            });
        }
        i += 1;
    }
    concepts
}

/// The longest lexicon phrase at the start of `words`, with how many words
/// it takes and the categories it names; its last word may be still being
/// typed when `words` reach the end of the question.
fn phrase_at(
    words: &[String],
    reaches_end: bool,
    vocabulary: &Vocabulary,
) -> Option<(usize, BTreeSet<Category>)> {
    let mut found: Option<(usize, BTreeSet<Category>)> = None;
    for (phrase, category) in &vocabulary.phrases {
        if found
            .as_ref()
            .is_some_and(|(length, _)| *length > phrase.len())
        {
            break;
        }
        if phrase.len() > words.len() {
            continue;
        }
        let typed_last = reaches_end && phrase.len() == words.len();
        let matches = phrase
            .iter()
            .zip(words)
            .enumerate()
            .all(|(k, (want, got))| {
                let being_typed = typed_last && k + 1 == phrase.len();
                same_word(want, got, being_typed)
            });
        if matches {
            found
                .get_or_insert_with(|| (phrase.len(), BTreeSet::new()))
                .1
                .insert(*category);
        }
    }
    found
}

/// Whether a typed word is a lexicon word: equal, within the typo
/// allowance, or (for the word still being typed, three letters on) its
/// beginning.
fn same_word(want: &str, got: &str, being_typed: bool) -> bool {
    want == got
        || within(want, got, allowance(want))
        || (being_typed && got.chars().count() >= 3 && want.starts_with(got))
}

/// The index terms for one typed word: the word as a prefix; where the
/// directory does not know it, its words within the typo allowance, and
/// the longest directory word it starts with (the head of a compound:
/// "räumungsklage" finds "räumung").
fn expand(word: &str, vocabulary: &Vocabulary) -> BTreeSet<Term> {
    let mut terms = BTreeSet::new();
    terms.insert(Term::Prefix(word.to_owned()));
    // Without its ending, so that other forms of the word meet: "praca"
    // finds "pracy", "біженцям" finds "біженців", "schulden" "schuldner".
    let chars: Vec<char> = word.chars().collect();
    let stem = match chars.len() {
        0..=4 => chars.len(),
        5 | 6 => chars.len() - 1,
        _ => chars.len() - 2,
    };
    if stem < chars.len() {
        terms.insert(Term::Prefix(chars[..stem].iter().collect()));
    }
    if vocabulary.known.contains(word) || vocabulary.has_prefix(word) {
        return terms;
    }
    for near in vocabulary.near(word) {
        terms.insert(Term::Exact(near));
    }
    if let Some(head) = (MIN_HEAD..chars.len().saturating_sub(2))
        .rev()
        .map(|n| chars[..n].iter().collect::<String>())
        .find(|head| vocabulary.known.contains(head))
    {
        terms.insert(Term::Prefix(head));
    }
    terms
}

/// The shortest word of a longer question that is looked up.
const MIN_WORD: usize = 3;

/// The shortest head of a compound worth looking up.
const MIN_HEAD: usize = 5;

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        Vocabulary::new(
            words(
                "Schuldnerberatung der Diakonie Schulden Nachtcafé Notübernachtung Betten Arzt ohne Krankenversicherung تأمين طبيب",
            ),
            [
                (Category::Sleep, "Schlafplatz".to_owned()),
                (Category::Sleep, "Platte".to_owned()),
                (Category::Sleep, "heute Nacht schlafen".to_owned()),
                (Category::Debts, "debts".to_owned()),
                (Category::Health, "طبيب".to_owned()),
            ],
            [
                "ich", "brauche", "einen", "heute", "i", "need", "help", "with", "my",
            ]
            .map(str::to_owned),
        )
    }

    fn categories(concepts: &[Concept]) -> BTreeSet<Category> {
        concepts.iter().flat_map(|c| c.categories.clone()).collect()
    }

    #[test]
    fn folding_meets_umlauts_accents_and_arabic_variants() {
        assert_eq!(fold("Schuldnerbératung"), "schuldnerberatung");
        assert_eq!(fold("Übernachtung Straße"), "ubernachtung strasse");
        assert_eq!(fold("تأمين"), fold("تامين"));
        assert_eq!(fold("مُساعدة"), fold("مساعدة"));
        assert_eq!(fold("ثبت‌نام"), "ثبتنام");
        assert_eq!(fold("ĞÜŞİÖÇ"), fold("gusiöc"));
    }

    #[test]
    fn edit_distance_with_limits() {
        assert!(within("schuldnerberatung", "schuldnerbertung", 1));
        assert!(within("schlafplatz", "schlafpaltz", 1)); // swapped neighbours
        assert!(!within("schulden", "schuhe", 1));
        assert!(within("arzt", "arzt", 0));
        assert!(!within("abc", "abcdef", 2));
    }

    #[test]
    fn everyday_words_name_categories_and_stopwords_go() {
        let v = vocabulary();
        let concepts = analyse("Ich brauche heute Nacht einen Schlafplatz", &v);
        assert_eq!(categories(&concepts), BTreeSet::from([Category::Sleep]));
        assert!(
            concepts
                .iter()
                .all(|c| !c.terms.contains(&Term::Prefix("ich".into()))),
            "{concepts:?}"
        );
        let typo = analyse("schlafplats", &v);
        assert_eq!(categories(&typo), BTreeSet::from([Category::Sleep]));
        // A phrase names its category, and its words are still looked for.
        let phrase = analyse("heute nacht schlafen", &v);
        assert_eq!(categories(&phrase), BTreeSet::from([Category::Sleep]));
        assert!(
            phrase
                .iter()
                .any(|c| c.terms.contains(&Term::Prefix("nacht".into())))
        );
        assert_eq!(
            categories(&analyse("I need help with my debts", &v)),
            BTreeSet::from([Category::Debts])
        );
        assert_eq!(
            categories(&analyse("أحتاج طبيب بدون تأمين", &v)),
            BTreeSet::from([Category::Health])
        );
        // The word being typed: "Schlafp" already means sleep.
        assert_eq!(
            categories(&analyse("schlafp", &v)),
            BTreeSet::from([Category::Sleep])
        );
    }

    #[test]
    fn typos_and_split_compounds_reach_the_directory_words() {
        let v = vocabulary();
        for question in [
            "Schuldnerberatung",
            "schuldner beratung",
            "schuldnerbertung",
            "SCHULDNERBERATUNG",
        ] {
            let concepts = analyse(question, &v);
            assert_eq!(concepts.len(), 1, "{question}: {concepts:?}");
            assert!(
                concepts[0].terms.iter().any(|t| matches!(t,
                    Term::Prefix(w) | Term::Exact(w) if w == "schuldnerberatung")),
                "{question}: {concepts:?}"
            );
        }
    }

    #[test]
    fn short_questions_still_do_something() {
        let v = vocabulary();
        assert!(analyse("", &v).is_empty());
        assert!(analyse("a", &v).is_empty());
        assert_eq!(
            analyse("Sc", &v),
            vec![Concept {
                terms: BTreeSet::from([Term::NamePrefix("sc".into())]),
                categories: BTreeSet::new()
            }]
        );
        // Only words that say nothing: everything, nearest first.
        assert!(analyse("ich brauche", &v).is_empty());
    }
}
