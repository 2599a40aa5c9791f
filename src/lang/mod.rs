//! Language front-ends: parse one file, emit [`FileFacts`]. They know syntax and frameworks,
//! nothing about rules.

pub mod dotenv;
pub mod modules;
pub mod python;
pub mod rust;
pub mod typescript;

use crate::catalog::Catalog;
use crate::facts::FileFacts;
use crate::source::{Lang, SourceFile, Span};

/// A file the front-end could not read at all (a Rust file `syn` rejects, a grammar that
/// failed to load). Files with recoverable syntax errors yield partial facts instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    pub span: Option<Span>,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Extract the facts of one file with the front-end of its language.
pub fn extract(file: &SourceFile, catalog: &Catalog) -> Result<FileFacts, ParseError> {
    let mut facts = match file.lang {
        Lang::Ts | Lang::Tsx | Lang::Js => typescript::extract(file, &catalog.js)?,
        Lang::Py => python::extract(file, &catalog.py)?,
        Lang::Rs => rust::extract(file, &catalog.rs)?,
        Lang::Env => dotenv::extract(file)?,
    };
    if facts.module_keys.is_empty() {
        facts.module_keys = modules::module_keys(&file.rel, file.lang);
    }
    Ok(facts)
}

/// Does the file parse without errors? Used to verify fixes before writing them.
pub fn parses_cleanly(lang: Lang, text: &str) -> bool {
    match lang {
        Lang::Ts | Lang::Tsx | Lang::Js => typescript::parses_cleanly(lang, text),
        Lang::Py => python::parses_cleanly(text),
        Lang::Rs => {
            let ok = syn::parse_file(text).is_ok();
            proc_macro2::extra::invalidate_current_thread_spans();
            ok
        }
        Lang::Env => true,
    }
}
