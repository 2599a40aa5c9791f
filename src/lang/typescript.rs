//! TypeScript / TSX / JavaScript front-end (tree-sitter).

use crate::catalog::LangCatalog;
use crate::facts::FileFacts;
use crate::lang::ParseError;
use crate::source::{Lang, SourceFile};

pub fn extract(_file: &SourceFile, _catalog: &LangCatalog) -> Result<FileFacts, ParseError> {
    Ok(FileFacts::default())
}

pub fn parses_cleanly(_lang: Lang, _text: &str) -> bool {
    true
}
