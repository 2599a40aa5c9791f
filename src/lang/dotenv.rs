//! dotenv front-end: `.env` files and the connection URLs in them.

use crate::facts::FileFacts;
use crate::lang::ParseError;
use crate::source::SourceFile;

pub fn extract(_file: &SourceFile) -> Result<FileFacts, ParseError> {
    Ok(FileFacts::default())
}
