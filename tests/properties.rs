//! Property tests: position conversions (byte ↔ line/column ↔ UTF-16) over texts mixing ASCII,
//! multi-byte characters and every line-break style, long enough to cross the line index's
//! checkpoints; and edit application (what `--fix` writes) against a model.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use connlint::diagnostic::Edit;
use connlint::fix::apply_edits;
use connlint::source::{LineIndex, Span};
use proptest::prelude::*;

/// Texts made of pieces: plain and long ASCII runs (a minified line), 2-, 3- and 4-byte
/// characters, `\n`, `\r\n` and lone `\r`.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-z ;{}()=]{0,8}",
        "[a-z]{300,1500}",
        Just("é".to_string()),
        Just("中文".to_string()),
        Just("😀".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// The model: line starts after `\n`, after `\r\n`, and after a lone `\r`.
fn model_line_start(text: &str, offset: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut line, mut start) = (0, 0);
    for i in 0..offset {
        if bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            line += 1;
            start = i + 1;
        }
    }
    (line, start)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn positions_match_the_model(text in text(), picks in prop::collection::vec(any::<prop::sample::Index>(), 1..20)) {
        let index = LineIndex::new(&text);
        let boundaries: Vec<usize> = (0..=text.len()).filter(|i| text.is_char_boundary(*i)).collect();
        for pick in picks {
            let b = *pick.get(&boundaries);
            let (line, start) = model_line_start(&text, b);
            let p = index.position(&text, b as u32);
            prop_assert_eq!(p.line as usize, line + 1);
            prop_assert_eq!(p.column as usize, text[start..b].chars().count() + 1);
            let (l16, c16) = index.utf16_position(&text, b as u32);
            prop_assert_eq!(l16 as usize, line);
            prop_assert_eq!(c16 as usize, text[start..b].encode_utf16().count());
            // Back from line and column to the byte (inside `\r\n` the column is the `\r`'s).
            let back = index.offset(&text, p.line, p.column).unwrap();
            let inside_crlf = b > 0 && text.as_bytes()[b - 1] == b'\r' && text.as_bytes().get(b) == Some(&b'\n');
            prop_assert_eq!(back, if inside_crlf { b - 1 } else { b });
        }
    }

    #[test]
    fn an_offset_inside_a_character_reads_as_its_start(text in text(), pick in any::<prop::sample::Index>()) {
        prop_assume!(!text.is_empty());
        let index = LineIndex::new(&text);
        let b = pick.index(text.len());
        let mut floor = b;
        while !text.is_char_boundary(floor) {
            floor -= 1;
        }
        prop_assert_eq!(index.position(&text, b as u32), index.position(&text, floor as u32));
    }

    #[test]
    fn edits_apply_like_the_model(
        text in text(),
        raw in prop::collection::vec((any::<prop::sample::Index>(), 0usize..40, "[a-z\n]{0,6}"), 0..12),
    ) {
        // Random spans, some out of range or inside a character.
        let edits: Vec<Edit> = raw
            .iter()
            .map(|(at, len, content)| {
                let start = at.index(text.len() + 8);
                Edit { span: Span::new(start, start + len), content: content.clone() }
            })
            .collect();
        let (out, applied) = apply_edits(&text, &edits);
        // The model: in order of (start, end), keep each valid edit that starts at or after the
        // end of the last kept one.
        let mut sorted: Vec<&Edit> = edits.iter().collect();
        sorted.sort_by_key(|e| (e.span.start, e.span.end));
        let mut kept: Vec<&Edit> = Vec::new();
        let mut cursor = 0usize;
        for e in sorted {
            let (s, t) = (e.span.start as usize, e.span.end as usize);
            if s >= cursor && t <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(t) {
                kept.push(e);
                cursor = t;
            }
        }
        prop_assert_eq!(applied, kept.len());
        // Kept edits never overlap, and the text between them is untouched.
        let mut model = String::new();
        let mut at = 0usize;
        for e in &kept {
            prop_assert!(e.span.start as usize >= at);
            model.push_str(&text[at..e.span.start as usize]);
            model.push_str(&e.content);
            at = e.span.end as usize;
        }
        model.push_str(&text[at..]);
        prop_assert_eq!(&out, &model);
        let growth: isize = kept.iter().map(|e| e.content.len() as isize - e.span.len() as isize).sum();
        prop_assert_eq!(out.len() as isize, text.len() as isize + growth);
        // No edit: the text comes back byte for byte.
        let (same, n) = apply_edits(&text, &[]);
        prop_assert_eq!(n, 0);
        prop_assert_eq!(same, text);
    }
}
