//! Removing a suppression comment, or some of its names (`unused-suppression`): the comment's
//! line when nothing else is on it, else the comment and the space that sets it apart.

use crate::diagnostic::Edit;
use crate::source::Span;
use crate::suppress::Suppression;

/// Remove a whole comment: its line when nothing else is on it, else the comment and the
/// whitespace that separates it from the code beside it.
pub(crate) fn remove_comment(text: &str, comment: Span) -> Edit {
    let (cs, ce) = (comment.start as usize, comment.end as usize);
    let line_start = text[..cs].rfind('\n').map_or(0, |i| i + 1);
    let newline = text[ce..].find('\n').map(|i| ce + i);
    let content_end = {
        let e = newline.unwrap_or(text.len());
        if text[..e].ends_with('\r') { e - 1 } else { e }
    };
    let before = &text[line_start..cs];
    let after = &text[ce..content_end];
    let span = if before.trim().is_empty() && after.trim().is_empty() {
        Span::new(line_start, newline.map_or(text.len(), |n| n + 1))
    } else if after.trim().is_empty() {
        Span::new(cs - (before.len() - before.trim_end().len()), content_end)
    } else {
        Span::new(cs, ce + (after.len() - after.trim_start().len()))
    };
    Edit {
        span,
        content: String::new(),
    }
}

/// Rewrite the rule list of `s` without the names `drop` selects.
pub(crate) fn remove_names(s: &Suppression, drop: impl Fn(&str) -> bool) -> Edit {
    let start = s.names.first().map_or(0, |n| n.span.start);
    let end = s.names.last().map_or(0, |n| n.span.end);
    let kept: Vec<&str> = s
        .names
        .iter()
        .map(|n| n.text.as_ref())
        .filter(|n| !drop(n))
        .collect();
    Edit {
        span: Span::new(start as usize, end as usize),
        content: kept.join(", "),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::fix::apply_edits;
    use crate::suppress::Suppressions;

    fn removed(text: &str) -> String {
        let s = Suppressions::scan_text(text);
        apply_edits(text, &[remove_comment(text, s.items[0].comment)]).0
    }

    #[test]
    fn comment_removal_keeps_the_code() {
        assert_eq!(removed("a\n  // connlint-ignore: x\nb\n"), "a\nb\n");
        assert_eq!(removed("a\r\n# connlint-ignore\r\nb\r\n"), "a\r\nb\r\n");
        assert_eq!(
            removed("f(x)  # connlint-ignore: x -- why\nb\n"),
            "f(x)\nb\n"
        );
        assert_eq!(removed("f(x); // connlint-ignore: x\r\n"), "f(x);\r\n");
        assert_eq!(removed("f(/* connlint-ignore: x */ y);\n"), "f(y);\n");
        assert_eq!(
            removed("  <p>{/* connlint-ignore: x */}</p>\n"),
            "  <p></p>\n"
        );
        assert_eq!(removed("a\n    {/* connlint-ignore */}\n"), "a\n");
        assert_eq!(
            removed("f(x)  # connlint-ignore: x  # noqa: E501\n"),
            "f(x)  # noqa: E501\n"
        );
        assert_eq!(removed("a\n# connlint-ignore-file: x"), "a\n");
    }

    #[test]
    fn only_the_unused_names_go() {
        let text = "x = 1  # connlint-ignore: a, b,c -- why\n";
        let s = Suppressions::scan_text(text);
        let e = remove_names(&s.items[0], |n| n == "b");
        assert_eq!(
            apply_edits(text, &[e]).0,
            "x = 1  # connlint-ignore: a, c -- why\n"
        );
    }
}
