//! Syntax of the patterns `regex()` accepts: parsing into a [`Node`] tree.

/// Largest count allowed in `{n,m}`.
const MAX_REPEAT: u32 = 1000;
/// Deepest group nesting.
const MAX_GROUP_DEPTH: usize = 32;
/// Longest pattern, in characters.
const MAX_PATTERN_CHARS: usize = 1000;

/// A syntax error; `offset` is a character index into the pattern.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RegexError {
    pub offset: usize,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Perl {
    Digit,
    Word,
    Space,
}

impl Perl {
    fn matches(self, c: char) -> bool {
        match self {
            Perl::Digit => c.is_ascii_digit(),
            Perl::Word => c.is_ascii_alphanumeric() || c == '_',
            Perl::Space => c.is_whitespace(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum ClassItem {
    Range(char, char),
    Perl(Perl, bool),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Class {
    negated: bool,
    items: Vec<ClassItem>,
}

impl Class {
    pub(super) fn matches(&self, c: char) -> bool {
        let hit = self.items.iter().any(|item| match *item {
            ClassItem::Range(lo, hi) => lo <= c && c <= hi,
            ClassItem::Perl(p, negated) => p.matches(c) != negated,
        });
        hit != self.negated
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    Char(char),
    Any,
    /// Index into the class table.
    Class(usize),
    Start,
    End,
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
}

pub(super) fn err(offset: usize, message: impl Into<String>) -> RegexError {
    RegexError {
        offset,
        message: message.into(),
    }
}

/// Parses a pattern into its tree and the table of character classes that
/// [`Node::Class`] indexes.
pub(super) fn parse_pattern(pattern: &str) -> Result<(Node, Vec<Class>), RegexError> {
    let chars: Vec<char> = pattern.chars().collect();
    if chars.len() > MAX_PATTERN_CHARS {
        return Err(err(
            MAX_PATTERN_CHARS,
            format!("pattern is too long (at most {MAX_PATTERN_CHARS} characters)"),
        ));
    }
    let mut parser = Parser {
        chars: &chars,
        pos: 0,
        classes: Vec::new(),
    };
    let node = parser.parse_alt(0)?;
    if let Some(&c) = chars.get(parser.pos) {
        // Only `)` stops parse_alt before the end.
        return Err(err(parser.pos, format!("unmatched `{c}`")));
    }
    Ok((node, parser.classes))
}

struct Parser<'a> {
    chars: &'a [char],
    pos: usize,
    classes: Vec<Class>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn parse_alt(&mut self, depth: usize) -> Result<Node, RegexError> {
        let mut branches = vec![self.parse_concat(depth)?];
        while self.peek() == Some('|') {
            self.pos += 1;
            branches.push(self.parse_concat(depth)?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Concat(Vec::new()))
        } else {
            Node::Alt(branches)
        })
    }

    fn parse_concat(&mut self, depth: usize) -> Result<Node, RegexError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom_start = self.pos;
            let atom = self.parse_atom(depth)?;
            items.push(self.parse_quantifier(atom, atom_start)?);
        }
        Ok(if items.len() == 1 {
            items.pop().unwrap_or(Node::Concat(Vec::new()))
        } else {
            Node::Concat(items)
        })
    }

    fn parse_atom(&mut self, depth: usize) -> Result<Node, RegexError> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Err(err(start, "unexpected end of pattern"));
        };
        self.pos += 1;
        Ok(match c {
            '(' => {
                if depth >= MAX_GROUP_DEPTH {
                    return Err(err(start, "groups are nested too deeply"));
                }
                if self.peek() == Some('?') {
                    if self.peek_at(1) == Some(':') {
                        self.pos += 2;
                    } else {
                        return Err(err(start, "unsupported group syntax `(?`"));
                    }
                }
                let inner = self.parse_alt(depth + 1)?;
                if self.peek() != Some(')') {
                    return Err(err(start, "unclosed group `(`"));
                }
                self.pos += 1;
                inner
            }
            '[' => self.parse_class(start)?,
            '.' => Node::Any,
            '^' => Node::Start,
            '$' => Node::End,
            '\\' => match self.parse_escape(start)? {
                Escaped::Char(c) => Node::Char(c),
                Escaped::Perl(p, negated) => self.class_node(Class {
                    negated: false,
                    items: vec![ClassItem::Perl(p, negated)],
                }),
            },
            '*' | '+' | '?' => return Err(err(start, format!("nothing to repeat before `{c}`"))),
            '{' if self.brace_quantifier(start).is_some() => {
                return Err(err(start, "nothing to repeat before `{`"));
            }
            other => Node::Char(other),
        })
    }

    fn class_node(&mut self, class: Class) -> Node {
        self.classes.push(class);
        Node::Class(self.classes.len() - 1)
    }

    /// Parses `{n}`, `{n,}` or `{n,m}` at `at` without consuming it.
    /// Returns the bounds and the position after `}`, or `None` if the text
    /// is not a quantifier (then `{` is a literal). Oversized counts are
    /// reported as `Some(Err)`.
    fn brace_quantifier(&self, at: usize) -> Option<Result<Bounds, RegexError>> {
        let mut pos = at + 1;
        let number = |pos: &mut usize| -> Option<Result<u32, RegexError>> {
            let begin = *pos;
            let mut value: u32 = 0;
            while let Some(d) = self.chars.get(*pos).and_then(|c| c.to_digit(10)) {
                value = value.saturating_mul(10).saturating_add(d);
                *pos += 1;
            }
            if *pos == begin {
                None
            } else if value > MAX_REPEAT {
                Some(Err(err(
                    begin,
                    format!("repetition count too large (at most {MAX_REPEAT})"),
                )))
            } else {
                Some(Ok(value))
            }
        };
        let min = match number(&mut pos)? {
            Ok(n) => n,
            Err(e) => return Some(Err(e)),
        };
        let max = if self.chars.get(pos) == Some(&',') {
            pos += 1;
            match number(&mut pos) {
                None => None,
                Some(Ok(n)) => Some(n),
                Some(Err(e)) => return Some(Err(e)),
            }
        } else {
            Some(min)
        };
        if self.chars.get(pos) != Some(&'}') {
            return None;
        }
        if max.is_some_and(|m| m < min) {
            return Some(Err(err(
                at,
                format!(
                    "invalid repetition: {min} is more than {}",
                    max.unwrap_or(0)
                ),
            )));
        }
        Some(Ok(Bounds {
            min,
            max,
            end: pos + 1,
        }))
    }

    fn parse_quantifier(&mut self, atom: Node, atom_start: usize) -> Result<Node, RegexError> {
        let at = self.pos;
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => match self.brace_quantifier(at) {
                None => return Ok(atom),
                Some(Err(e)) => return Err(e),
                Some(Ok(Bounds { min, max, end })) => {
                    self.pos = end - 1;
                    (min, max)
                }
            },
            _ => return Ok(atom),
        };
        self.pos += 1;
        if matches!(atom, Node::Start | Node::End) {
            let anchor: String = self
                .chars
                .get(atom_start)
                .map(|c| c.to_string())
                .unwrap_or_default();
            return Err(err(at, format!("cannot repeat the anchor `{anchor}`")));
        }
        let greedy = if self.peek() == Some('?') {
            self.pos += 1;
            false
        } else {
            true
        };
        let next = self.pos;
        let repeated = match self.peek() {
            Some(c @ ('*' | '+' | '?')) => Some(c),
            Some('{') if self.brace_quantifier(next).is_some() => Some('{'),
            _ => None,
        };
        if let Some(c) = repeated {
            return Err(err(next, format!("nothing to repeat before `{c}`")));
        }
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
            greedy,
        })
    }

    /// After a `\` at `start` (already consumed).
    fn parse_escape(&mut self, start: usize) -> Result<Escaped, RegexError> {
        let Some(c) = self.peek() else {
            return Err(err(start, "pattern ends with `\\`"));
        };
        self.pos += 1;
        Ok(match c {
            'd' => Escaped::Perl(Perl::Digit, false),
            'D' => Escaped::Perl(Perl::Digit, true),
            'w' => Escaped::Perl(Perl::Word, false),
            'W' => Escaped::Perl(Perl::Word, true),
            's' => Escaped::Perl(Perl::Space, false),
            'S' => Escaped::Perl(Perl::Space, true),
            'n' => Escaped::Char('\n'),
            't' => Escaped::Char('\t'),
            'r' => Escaped::Char('\r'),
            c if c.is_alphanumeric() => {
                return Err(err(start, format!("unsupported escape `\\{c}`")));
            }
            c => Escaped::Char(c),
        })
    }

    /// After a `[` at `start` (already consumed).
    fn parse_class(&mut self, start: usize) -> Result<Node, RegexError> {
        let negated = self.peek() == Some('^');
        if negated {
            self.pos += 1;
        }
        let mut items = Vec::new();
        loop {
            let item_start = self.pos;
            let first = match self.class_atom(start)? {
                None => break,
                Some(Escaped::Perl(p, negated)) => {
                    items.push(ClassItem::Perl(p, negated));
                    continue;
                }
                Some(Escaped::Char(c)) => c,
            };
            if self.peek() == Some('-') && self.peek_at(1).is_some_and(|c| c != ']') {
                self.pos += 1;
                let last = match self.class_atom(start)? {
                    Some(Escaped::Char(c)) => c,
                    _ => return Err(err(item_start, "invalid range in character class")),
                };
                if last < first {
                    return Err(err(item_start, format!("invalid range `{first}-{last}`")));
                }
                items.push(ClassItem::Range(first, last));
            } else {
                items.push(ClassItem::Range(first, first));
            }
        }
        Ok(self.class_node(Class { negated, items }))
    }

    /// One member of a class; `None` at the closing `]`.
    fn class_atom(&mut self, class_start: usize) -> Result<Option<Escaped>, RegexError> {
        let at = self.pos;
        match self.peek() {
            None => Err(err(class_start, "unclosed character class `[`")),
            Some(']') => {
                self.pos += 1;
                Ok(None)
            }
            Some('\\') => {
                self.pos += 1;
                self.parse_escape(at).map(Some)
            }
            Some(c) => {
                self.pos += 1;
                Ok(Some(Escaped::Char(c)))
            }
        }
    }
}

/// A parsed `{n,m}`: bounds and the position after the `}`.
struct Bounds {
    min: u32,
    max: Option<u32>,
    end: usize,
}

enum Escaped {
    Char(char),
    Perl(Perl, bool),
}
