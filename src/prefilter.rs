//! The prefilter: most files of a real repository cannot contain a finding, and parsing is the
//! expensive part. A file is parsed only when its text contains a catalogue trigger word (a
//! constructor or module name of its language), or — in later rounds — the name of a function
//! that builds or reaches a client in an already parsed file (so cross-file factory calls and
//! handler references are still seen).

use std::collections::BTreeSet;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::catalog::Catalog;
use crate::facts::FileFacts;
use crate::source::Lang;

/// Trigger automata per language family.
pub struct Prefilter {
    js: Option<AhoCorasick>,
    py: Option<AhoCorasick>,
    rs: Option<AhoCorasick>,
}

fn build(words: &[String]) -> Option<AhoCorasick> {
    if words.is_empty() {
        return None;
    }
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(words)
        .ok()
}

impl Prefilter {
    pub fn new(catalog: &Catalog) -> Prefilter {
        Prefilter {
            js: build(&catalog.js.trigger_words()),
            py: build(&catalog.py.trigger_words()),
            rs: build(&catalog.rs.trigger_words()),
        }
    }

    /// Must this file be parsed in the first round? (`true` when in doubt.)
    pub fn triggers(&self, lang: Lang, text: &str) -> bool {
        let ac = match lang {
            Lang::Ts | Lang::Tsx | Lang::Js => &self.js,
            Lang::Py => &self.py,
            Lang::Rs => &self.rs,
            Lang::Env => return true,
        };
        match ac {
            Some(ac) => ac.is_match(text),
            None => true,
        }
    }
}

/// Names of functions through which a client can be reached: functions that build a client
/// (and their enclosing functions), and functions that call one of `known`.
pub fn reaching_names(facts: &FileFacts, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut mark = |mut f: Option<usize>| {
        while let Some(fun) = facts.function(f) {
            names.insert(fun.name.clone());
            f = fun.parent;
        }
    };
    for c in &facts.clients {
        mark(c.in_fn);
    }
    for c in &facts.calls {
        if known.contains(&c.name) {
            mark(c.in_fn);
        }
    }
    names
}

/// Finds whole-word occurrences of names.
pub struct NameMatcher {
    ac: Option<AhoCorasick>,
}

impl NameMatcher {
    pub fn new(names: &BTreeSet<String>) -> NameMatcher {
        let words: Vec<&String> = names.iter().filter(|n| n.len() >= 2).collect();
        let ac = if words.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(words)
                .ok()
        };
        NameMatcher { ac }
    }

    pub fn matches(&self, text: &str) -> bool {
        let Some(ac) = &self.ac else { return false };
        let bytes = text.as_bytes();
        let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$';
        ac.find_overlapping_iter(text).any(|m| {
            let before = m.start().checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(m.end()).copied();
            !before.is_some_and(ident) && !after.is_some_and(ident)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let names: BTreeSet<String> = ["getDb".to_string()].into();
        let m = NameMatcher::new(&names);
        assert!(m.matches("const db = await getDb();"));
        assert!(!m.matches("const db = await getDbName();"));
        assert!(!m.matches("nothing here"));
    }

    #[test]
    fn catalogue_words_trigger() {
        let p = Prefilter::new(Catalog::shared());
        assert!(p.triggers(Lang::Ts, "import { PrismaClient } from '@prisma/client'"));
        assert!(!p.triggers(
            Lang::Ts,
            "export const add = (a: number, b: number) => a + b;"
        ));
        assert!(p.triggers(Lang::Env, ""));
        assert!(p.triggers(Lang::Py, "from sqlalchemy.ext import asyncio"));
        assert!(p.triggers(Lang::Rs, "use sqlx::postgres::PgPoolOptions;"));
        assert!(!p.triggers(Lang::Rs, "fn new() -> Self { Self::get().connect() }"));
    }

    #[test]
    fn trigger_words_are_module_roots() {
        let words = Catalog::shared().js.trigger_words();
        assert!(words.contains(&"@prisma/client".to_string()), "{words:?}");
        assert!(words.contains(&"generated/prisma".to_string()), "{words:?}");
        assert!(words.contains(&"mysql2".to_string()));
        assert!(
            !words
                .iter()
                .any(|w| w == "Pool" || w == "default" || w.contains('*'))
        );
    }
}
