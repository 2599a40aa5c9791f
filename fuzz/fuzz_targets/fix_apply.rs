#![no_main]
//! Applying edits: random edits over a text are applied as the model says (in order, an edit
//! overlapping an earlier one skipped, one outside the text or inside a character refused), and
//! `--fix` on a fuzzed source never keeps a result that no longer parses.
use connlint::diagnostic::{Applicability, Edit};
use connlint::source::{Lang, Span};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let (head, rest) = data.split_at(data.len().min(1 + (data[0] as usize % 64)));
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    // Edits from the head's bytes, in triples: start, length, content.
    let edits: Vec<Edit> = head
        .chunks(3)
        .map(|c| {
            let start = (*c.first().unwrap_or(&0) as usize * 7) % (text.len() + 4);
            let len = *c.get(1).unwrap_or(&0) as usize % 12;
            let content = ["", "x", "\n", "é", "}", "\"", "😀"][*c.get(2).unwrap_or(&0) as usize % 7];
            Edit {
                span: Span::new(start, start + len),
                content: content.to_string(),
            }
        })
        .collect();
    let (out, applied) = connlint::fix::apply_edits(text, &edits);
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let (mut model, mut cursor, mut kept) = (String::new(), 0usize, 0usize);
    for e in sorted {
        let (s, t) = (e.span.start as usize, e.span.end as usize);
        if s >= cursor && t <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(t) {
            model.push_str(&text[cursor..s]);
            model.push_str(&e.content);
            cursor = t;
            kept += 1;
        }
    }
    model.push_str(&text[cursor..]);
    assert_eq!(applied, kept);
    assert_eq!(out, model);

    // `--fix --unsafe-fixes` on the text as a route of each language.
    let settings = connlint::engine::Settings::default();
    for (path, lang) in [
        ("/nonexistent/app/api/users/route.ts", Lang::Ts),
        ("/nonexistent/app/main.py", Lang::Py),
        ("/nonexistent/src/main.rs", Lang::Rs),
    ] {
        let (fixed, _) =
            connlint::fix::fix_text(std::path::Path::new(path), text, &settings, Applicability::Unsafe);
        if connlint::lang::parses_cleanly(lang, text) {
            assert!(
                connlint::lang::parses_cleanly(lang, &fixed),
                "a fix broke a {lang:?} file:\n{fixed}"
            );
        }
    }
});
