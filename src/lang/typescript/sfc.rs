//! Single-file components (`.vue`, `.svelte`): the TypeScript parser reads only their
//! `<script>` blocks, through tree-sitter's included ranges, so every node keeps its offset in
//! the whole file (findings, suppressions and fixes point at the component's own lines).

use tree_sitter::{Point, Range};

/// The byte ranges of the `<script>` blocks' contents, when `text` is a component: a file whose
/// first non-blank character opens a tag (no TypeScript module starts with one). `None` for a
/// plain module; an empty list for a component without a script.
pub(crate) fn script_ranges(text: &str) -> Option<Vec<Range>> {
    let first = text.bytes().find(|b| !b.is_ascii_whitespace())?;
    if first != b'<' {
        return None;
    }
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = find(&bytes[at..], b"<script") {
        let open = at + found;
        let after = open + "<script".len();
        // `<script>` or `<script lang="ts" setup>`, not `<scripts>`
        if !bytes
            .get(after)
            .is_some_and(|b| *b == b'>' || b.is_ascii_whitespace())
        {
            at = after;
            continue;
        }
        let Some(gt) = find(&bytes[after..], b">") else {
            break;
        };
        let start = after + gt + 1;
        let end = find(&bytes[start..], b"</script").map_or(bytes.len(), |e| start + e);
        if end > start {
            out.push(Range {
                start_byte: start,
                end_byte: end,
                start_point: point(bytes, start),
                end_point: point(bytes, end),
            });
        }
        at = end;
    }
    Some(out)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// The row and byte column of an offset.
fn point(bytes: &[u8], offset: usize) -> Point {
    let before = &bytes[..offset];
    let row = memchr::memchr_iter(b'\n', before).count();
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    Point {
        row,
        column: offset - line_start,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_script_blocks_of_a_component() {
        let text = "<template><p/></template>\n<script setup lang=\"ts\">\nconst a = 1\n</script>\n<style>p{}</style>\n";
        let r = script_ranges(text).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(&text[r[0].start_byte..r[0].end_byte], "\nconst a = 1\n");
        assert_eq!(r[0].start_point, Point { row: 1, column: 24 });
        assert_eq!(r[0].end_point, Point { row: 3, column: 0 });
    }

    #[test]
    fn a_module_is_not_a_component() {
        assert!(script_ranges("import x from 'y'\n").is_none());
        assert_eq!(
            script_ranges("<template><div/></template>\n")
                .unwrap()
                .len(),
            0
        );
        // an unterminated script runs to the end of the file
        let r = script_ranges("<script>\nlet a = 1").unwrap();
        assert_eq!(r[0].end_byte, "<script>\nlet a = 1".len());
    }
}
