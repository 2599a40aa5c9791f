//! dotenv front-end: `.env` files and the connection URLs in them (`DATABASE_URL=postgres://…`).
//!
//! Lines are `KEY=value` or `export KEY=value`; values may be quoted (`"…"`, `'…'`); `#` starts a
//! comment outside quotes. Only values that are connection URLs become facts.

use crate::facts::{ConnUrl, FileFacts, Note};
use crate::lang::ParseError;
use crate::source::{SourceFile, Span};

/// Is `text` a connection URL: a scheme of the catalogue's databases (`databases.toml`; a
/// driver suffix is ignored: `postgresql+asyncpg://`) and something after it?
pub fn is_connection_url(text: &str, schemes: &[String]) -> bool {
    let Some((scheme, rest)) = text.split_once("://") else {
        return false;
    };
    let base = scheme
        .split('+')
        .next()
        .unwrap_or(scheme)
        .to_ascii_lowercase();
    !rest.is_empty() && schemes.contains(&base)
}

pub fn extract(file: &SourceFile, schemes: &[String]) -> Result<FileFacts, ParseError> {
    let mut facts = FileFacts::default();
    let mut offset = 0usize;
    for line in file.text.split_inclusive('\n') {
        match parse_line(line, offset, schemes) {
            Ok(Some(url)) => facts.urls.push(url),
            Ok(None) => {}
            Err(note) => facts.notes.push(note),
        }
        offset += line.len();
    }
    Ok(facts)
}

/// The connection URL a line defines, if any; a quoted URL without its closing quote is a
/// [`Note`] (dotenv loaders disagree on such lines: some read on to the next quote, over several
/// lines, some drop the line).
fn parse_line(line: &str, offset: usize, schemes: &[String]) -> Result<Option<ConnUrl>, Note> {
    let trimmed_start = line.len() - line.trim_start().len();
    let body = line.trim_start();
    if body.starts_with('#') {
        return Ok(None);
    }
    let (body, skipped) = match body.strip_prefix("export ") {
        Some(rest) => (rest, "export ".len()),
        None => (body, 0),
    };
    let Some(eq) = body.find('=') else {
        return Ok(None);
    };
    let key = body[..eq].trim();
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-')
    {
        return Ok(None);
    }
    let after = &body[eq + 1..];
    let value_start_rel = after.len() - after.trim_start().len();
    let value = after.trim_start().trim_end_matches(['\n', '\r']);
    let (text, inner_off) = match value.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let Some(close) = value[1..].find(q) else {
                // A multi-line value (a PEM key) is legitimate dotenv; a URL is not.
                if !is_connection_url(value[1..].trim_end(), schemes) {
                    return Ok(None);
                }
                let at = offset + trimmed_start + skipped + eq + 1 + value_start_rel;
                return Err(Note {
                    span: Span::new(at, at + 1),
                    message: format!(
                        "cannot read `{key}`: its connection URL opens a quote that the line does not close"
                    ),
                });
            };
            (&value[1..close + 1], 1)
        }
        _ => {
            // An unquoted value ends at ` #` (a comment) or the end of the line.
            let end = value.find(" #").unwrap_or(value.len());
            (value[..end].trim_end(), 0)
        }
    };
    if !is_connection_url(text, schemes) {
        return Ok(None);
    }
    let start = offset + trimmed_start + skipped + eq + 1 + value_start_rel + inner_off;
    Ok(Some(ConnUrl {
        var: Some(key.to_string()),
        text: text.to_string(),
        span: Span::new(start, start + text.len()),
    }))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::project::Project;
    use std::sync::Arc;

    fn urls(text: &str) -> Vec<(Option<String>, String, String)> {
        let f = SourceFile::in_memory(".env", text, Arc::new(Project::with_deps(&[]))).unwrap();
        extract(&f, &crate::catalog::Catalog::shared().rs.url_schemes)
            .unwrap()
            .urls
            .into_iter()
            .map(|u| (u.var, u.text.clone(), f.slice(u.span).to_string()))
            .collect()
    }

    #[test]
    fn reads_urls_with_their_spans() {
        let text = "# db\nDATABASE_URL=\"postgresql://u:p@aws-0-eu.pooler.supabase.com:6543/postgres?pgbouncer=true\"\n\
                    export DIRECT_URL='postgres://u@db.x.supabase.co:5432/postgres'\n\
                    MONGODB_URI=mongodb+srv://u:p@c.mongodb.net/app?maxPoolSize=200 # prod\n\
                    SECRET=abc\nASYNC=postgresql+asyncpg://u@h/db\n";
        let got = urls(text);
        assert_eq!(got.len(), 4);
        for (_, text, slice) in &got {
            assert_eq!(text, slice);
        }
        assert_eq!(got[0].0.as_deref(), Some("DATABASE_URL"));
        assert!(got[0].1.ends_with("pgbouncer=true"));
        assert_eq!(
            got[2].1,
            "mongodb+srv://u:p@c.mongodb.net/app?maxPoolSize=200"
        );
        assert_eq!(got[3].0.as_deref(), Some("ASYNC"));
    }

    #[test]
    fn ignores_comments_and_non_urls() {
        assert!(
            urls("# DATABASE_URL=postgres://x@y/z\nPORT=3000\nURL=https://example.com\n")
                .is_empty()
        );
        assert!(urls("garbage without equals\n=\n").is_empty());
    }

    #[test]
    fn an_unterminated_quoted_url_is_a_note_not_silence() {
        let text = "A=1\nDATABASE_URL=\"postgres://u@h:5432/db?connection_limit=5\nKEY=\"-----BEGIN\nabc\n-----END\"\n";
        let f = SourceFile::in_memory(".env", text, Arc::new(Project::with_deps(&[]))).unwrap();
        let facts = extract(&f, &crate::catalog::Catalog::shared().rs.url_schemes).unwrap();
        assert!(facts.urls.is_empty());
        // The URL is noted where its quote opens; the multi-line key is legitimate dotenv.
        assert_eq!(facts.notes.len(), 1, "{:?}", facts.notes);
        assert_eq!(
            facts.notes[0].span.start as usize,
            text.find("\"postgres").unwrap()
        );
        assert!(facts.notes[0].message.contains("DATABASE_URL"));
    }
}
