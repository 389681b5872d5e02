//! A small, safe regular expression matcher for `regex()`.
//!
//! Supported: literals, `.`, classes `[a-z0-9_]` and `[^…]`, `\d \w \s`
//! (and `\D \W \S`), escaped metacharacters, `\n \t \r`, quantifiers
//! `* + ? {n} {n,} {n,m}` (greedy, or lazy with a trailing `?`), anchors
//! `^ $`, alternation `|`, groups `( )` and `(?: )`. Matching searches
//! anywhere in the text (like JavaScript's `test` and Java's `find`).
//!
//! Patterns compile to a small program run by a backtracking machine with an
//! explicit stack, so nothing recurses on the input. Each (instruction,
//! position) state is visited at most once, which bounds the work by
//! program size × text length (no exponential blow-up, no endless loops on
//! empty repetitions), and a step budget caps even that.

use std::collections::HashSet;

use super::regex_syntax::{Class, Node, RegexError, err, parse_pattern};

/// Steps the matcher may take in `regex()` before giving up.
pub(super) const STEP_BUDGET: usize = 100_000;
/// Largest compiled program.
pub(super) const MAX_PROGRAM: usize = 10_000;

/// The step budget ran out.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct BudgetExceeded;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Inst {
    Char(char),
    Any,
    Class(usize),
    Start,
    End,
    /// Try the first target, backtrack to the second.
    Split(usize, usize),
    Jmp(usize),
    Match,
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Regex {
    program: Vec<Inst>,
    classes: Vec<Class>,
}

impl Regex {
    /// Parses and compiles a pattern.
    pub(super) fn new(pattern: &str) -> Result<Regex, RegexError> {
        let (node, classes) = parse_pattern(pattern)?;
        let mut program = Vec::new();
        compile(&node, &mut program)?;
        emit(&mut program, Inst::Match)?;
        Ok(Regex { program, classes })
    }

    /// Whether the pattern matches anywhere in `text`, taking at most
    /// `budget` steps.
    pub(super) fn is_match(&self, text: &str, budget: usize) -> Result<bool, BudgetExceeded> {
        let chars: Vec<char> = text.chars().collect();
        let len = chars.len();
        let mut visited = Visited::new(self.program.len(), len + 1);
        let mut stack: Vec<(usize, usize)> = Vec::new();
        let mut steps = 0usize;
        for start in 0..=len {
            stack.push((0, start));
            while let Some((mut pc, mut pos)) = stack.pop() {
                loop {
                    if !visited.insert(pc, pos) {
                        break;
                    }
                    steps += 1;
                    if steps > budget {
                        return Err(BudgetExceeded);
                    }
                    let here = chars.get(pos).copied();
                    let advance = match self.program.get(pc) {
                        None => break,
                        Some(Inst::Match) => return Ok(true),
                        Some(Inst::Char(c)) => here == Some(*c),
                        Some(Inst::Any) => here.is_some_and(|h| h != '\n' && h != '\r'),
                        Some(Inst::Class(i)) => here
                            .is_some_and(|h| self.classes.get(*i).is_some_and(|cl| cl.matches(h))),
                        Some(Inst::Start) => {
                            if pos != 0 {
                                break;
                            }
                            pc += 1;
                            continue;
                        }
                        Some(Inst::End) => {
                            if pos != len {
                                break;
                            }
                            pc += 1;
                            continue;
                        }
                        Some(Inst::Split(first, second)) => {
                            stack.push((*second, pos));
                            pc = *first;
                            continue;
                        }
                        Some(Inst::Jmp(target)) => {
                            pc = *target;
                            continue;
                        }
                    };
                    if !advance {
                        break;
                    }
                    pc += 1;
                    pos += 1;
                }
            }
            if matches!(self.program.first(), Some(Inst::Start)) {
                // Anchored at the start: later start positions cannot match.
                break;
            }
        }
        Ok(false)
    }
}

/// The set of visited (instruction, position) states: a bit set when small,
/// otherwise a hash set (which the step budget keeps small).
enum Visited {
    Bits { bits: Vec<u64>, width: usize },
    Set(HashSet<(usize, usize)>),
}

impl Visited {
    fn new(program_len: usize, positions: usize) -> Visited {
        match program_len.checked_mul(positions) {
            Some(n) if n <= 1 << 22 => Visited::Bits {
                bits: vec![0; n / 64 + 1],
                width: positions,
            },
            _ => Visited::Set(HashSet::new()),
        }
    }

    /// Marks a state; false if it was already visited.
    fn insert(&mut self, pc: usize, pos: usize) -> bool {
        match self {
            Visited::Bits { bits, width } => {
                let index = pc.saturating_mul(*width).saturating_add(pos);
                match bits.get_mut(index / 64) {
                    Some(word) => {
                        let mask = 1u64 << (index % 64);
                        let fresh = *word & mask == 0;
                        *word |= mask;
                        fresh
                    }
                    None => false,
                }
            }
            Visited::Set(set) => set.insert((pc, pos)),
        }
    }
}

fn emit(program: &mut Vec<Inst>, inst: Inst) -> Result<usize, RegexError> {
    if program.len() >= MAX_PROGRAM {
        return Err(err(0, "pattern is too large"));
    }
    program.push(inst);
    Ok(program.len() - 1)
}

fn patch(program: &mut [Inst], at: usize, inst: Inst) {
    if let Some(slot) = program.get_mut(at) {
        *slot = inst;
    }
}

fn split(greedy: bool, body: usize, out: usize) -> Inst {
    if greedy {
        Inst::Split(body, out)
    } else {
        Inst::Split(out, body)
    }
}

/// Whether `compile` emits no instructions for the node, so that every
/// repeated copy of any other node grows the program (bounded by
/// `MAX_PROGRAM`).
fn emits_nothing(node: &Node) -> bool {
    match node {
        Node::Char(_) | Node::Any | Node::Class(_) | Node::Start | Node::End => false,
        Node::Concat(nodes) => nodes.iter().all(emits_nothing),
        Node::Alt(branches) => branches.len() < 2 && branches.iter().all(emits_nothing),
        Node::Repeat { node, max, .. } => *max == Some(0) || emits_nothing(node),
    }
}

fn compile(node: &Node, program: &mut Vec<Inst>) -> Result<(), RegexError> {
    match node {
        Node::Char(c) => emit(program, Inst::Char(*c)).map(drop),
        Node::Any => emit(program, Inst::Any).map(drop),
        Node::Class(i) => emit(program, Inst::Class(*i)).map(drop),
        Node::Start => emit(program, Inst::Start).map(drop),
        Node::End => emit(program, Inst::End).map(drop),
        Node::Concat(nodes) => nodes.iter().try_for_each(|n| compile(n, program)),
        Node::Alt(branches) => {
            let mut jumps = Vec::new();
            let last = branches.len().saturating_sub(1);
            for (i, branch) in branches.iter().enumerate() {
                if i < last {
                    let at = emit(program, Inst::Split(0, 0))?;
                    compile(branch, program)?;
                    jumps.push(emit(program, Inst::Jmp(0))?);
                    let next = program.len();
                    patch(program, at, Inst::Split(at + 1, next));
                } else {
                    compile(branch, program)?;
                }
            }
            let end = program.len();
            for at in jumps {
                patch(program, at, Inst::Jmp(end));
            }
            Ok(())
        }
        Node::Repeat {
            node,
            min,
            max,
            greedy,
        } => {
            if *max == Some(0) || emits_nothing(node) {
                // Repeating nothing matches the empty string. Skipping it
                // keeps `((a{0}){1000}){1000}` from looping a million times.
                return Ok(());
            }
            for _ in 0..*min {
                compile(node, program)?;
            }
            match max {
                None => {
                    let at = emit(program, Inst::Split(0, 0))?;
                    compile(node, program)?;
                    emit(program, Inst::Jmp(at))?;
                    let out = program.len();
                    patch(program, at, split(*greedy, at + 1, out));
                }
                Some(max) => {
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(emit(program, Inst::Split(0, 0))?);
                        compile(node, program)?;
                    }
                    let out = program.len();
                    for at in splits {
                        patch(program, at, split(*greedy, at + 1, out));
                    }
                }
            }
            Ok(())
        }
    }
}
