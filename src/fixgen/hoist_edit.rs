//! Edits shared by the hoisting fixes (`hoist`, `rust_static`): the inserted declaration, the
//! dedented continuation lines, the conditional-block test. A leaf: it imports neither.

use crate::diagnostic::Edit;
use crate::source::{SourceFile, Span};

/// The edit inserting a hoisted module-level declaration: at `at` (from `hoist::hoist_point` or
/// Rust's `item_start`), followed by `blank` blank lines, or at the end of the file when there
/// is no such point, preceded by them.
pub(crate) fn declaration_edit(text: &str, at: Option<usize>, decl: &str, blank: usize) -> Edit {
    let nl = crate::fixgen::newline(text);
    let gap = nl.repeat(blank);
    match at {
        Some(at) => Edit {
            span: Span::new(at, at),
            content: format!("{decl}{nl}{gap}"),
        },
        None => {
            let sep = if text.ends_with('\n') { "" } else { nl };
            Edit {
                span: Span::new(text.len(), text.len()),
                content: format!("{sep}{gap}{decl}{nl}"),
            }
        }
    }
}

/// `text` with `indent` removed from the start of every line but the first (lines that do not
/// start with it are kept as they are).
pub(crate) fn dedent_continuation(text: &str, indent: &str) -> String {
    // Inside a multi-line string the indentation is the string's content.
    let multiline_string = text.contains("\"\"\"") || text.contains("\'\'\'") || text.contains('`');
    if multiline_string || indent.is_empty() || !indent.chars().all(|c| c == ' ' || c == '\t') {
        return text.to_string();
    }
    text.split_inclusive('\n')
        .enumerate()
        .map(|(i, l)| match l.strip_prefix(indent) {
            Some(rest) if i > 0 => rest,
            _ => l,
        })
        .collect()
}

/// Is the line at `pos` inside an `if` / `else` / `elif` / `case` / `match` / `switch` block?
/// Read from indentation: the nearest line above indented less is the block's header.
pub(crate) fn in_conditional_block(source: &SourceFile, pos: usize) -> bool {
    let text = source.text.as_ref();
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let at = source
        .lines()
        .line_of(u32::try_from(pos).unwrap_or(u32::MAX));
    let own = indent_of(source.slice(source.lines().line_span(text, at)));
    for line in (0..at).rev() {
        let line = source.slice(source.lines().line_span(text, line));
        if line.trim().is_empty() || indent_of(line) >= own {
            continue;
        }
        let t = line.trim();
        let t = t.strip_prefix('}').unwrap_or(t).trim_start();
        return [
            "if ", "if(", "else", "elif ", "case ", "default:", "switch", "match ",
        ]
        .iter()
        .any(|k| t.starts_with(k));
    }
    false
}
