//! Fix building shared by the rules: line endings and whole lines, imports, and using a
//! project's shared client instead of a new one (`shared_client`, `import_shared`). Rules decide
//! what to fix; what the edits look like in each language lives here.

pub mod effect_cleanup;
pub mod global_cache;
pub mod hoist;
pub mod hoist_edit;
pub mod import_shared;
pub mod memoize;
pub mod options;
pub mod rust_state;
pub mod rust_static;
pub mod share;
pub mod shared_client;
pub mod suppression;
pub mod try_finally;

use crate::source::Span;

/// The line ending a fix writes into `text`: `\r\n` in a CRLF file, `\n` otherwise.
pub fn newline(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// The whole line holding `span` (from its start to after its newline) and whether the span
/// stands alone on it, a trailing `;` or comment aside: what a fix deletes or replaces when it
/// moves a statement.
pub fn own_line(source: &crate::source::SourceFile, span: Span) -> (Span, bool) {
    let text = source.text.as_ref();
    let lines = source.lines();
    let (start, end) = (span.start as usize, span.end as usize);
    let line_start = lines.line_start(lines.line_of(span.start)) as usize;
    let next = lines.line_of(span.end) + 1;
    let line_end = if next < lines.line_count() {
        lines.line_start(next) as usize
    } else {
        text.len()
    };
    let after = text[end..line_end].trim().trim_start_matches(';').trim();
    let alone = text[line_start..start].trim().is_empty()
        && (after.is_empty() || after.starts_with("//") || after.starts_with('#'));
    (Span::new(line_start, line_end), alone)
}

/// Python: an edit adding the line `line` after the last import (`insert`, the start of the line
/// after it), or at the top of the file.
pub fn py_line_after_imports(
    text: &str,
    insert: Option<u32>,
    line: &str,
) -> crate::diagnostic::Edit {
    let at = insert.map(|a| a as usize).unwrap_or(0);
    crate::diagnostic::Edit {
        span: Span::new(at, at),
        content: format!("{line}{}", newline(text)),
    }
}
