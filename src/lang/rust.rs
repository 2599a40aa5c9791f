//! Rust front-end (syn).

use crate::catalog::LangCatalog;
use crate::facts::FileFacts;
use crate::lang::ParseError;
use crate::source::SourceFile;

pub fn extract(_file: &SourceFile, _catalog: &LangCatalog) -> Result<FileFacts, ParseError> {
    Ok(FileFacts::default())
}
