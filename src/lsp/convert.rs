//! Conversions at the protocol's edge: byte offsets ↔ LSP positions in the negotiated encoding
//! (UTF-8 bytes or UTF-16 code units), and `file://` URIs ↔ paths.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{Position, Range, Uri};

use crate::source::LineIndex;

/// The unit of `Position.character`, as negotiated in `initialize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
        }
    }
}

/// The LSP position of byte `offset` in `text`.
pub fn position(text: &str, lines: &LineIndex, offset: u32, enc: Encoding) -> Position {
    match enc {
        Encoding::Utf16 => {
            let (line, character) = lines.utf16_position(text, offset);
            Position { line, character }
        }
        Encoding::Utf8 => {
            let offset = offset.min(u32::try_from(text.len()).unwrap_or(u32::MAX));
            let line = lines.line_of(offset);
            let mut at = offset as usize;
            while at > 0 && !text.is_char_boundary(at) {
                at -= 1;
            }
            let start = lines.line_start(line) as usize;
            Position {
                line: u32::try_from(line).unwrap_or(u32::MAX),
                character: u32::try_from(at.saturating_sub(start)).unwrap_or(u32::MAX),
            }
        }
    }
}

/// The LSP range of a byte span.
pub fn range(text: &str, lines: &LineIndex, start: u32, end: u32, enc: Encoding) -> Range {
    Range {
        start: position(text, lines, start, enc),
        end: position(text, lines, end, enc),
    }
}

/// The byte offset of an LSP position in `text`. A line past the end is the end of the text; a
/// character past the end of its line is the end of that line (as the protocol asks).
pub fn offset(text: &str, lines: &LineIndex, pos: Position, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= lines.line_count() {
        return text.len();
    }
    let start = lines.line_start(line) as usize;
    let rest = &text[start..];
    let line_text = match rest.find(['\n', '\r']) {
        Some(i) => &rest[..i],
        None => rest,
    };
    let want = pos.character as usize;
    let mut units = 0usize;
    for (i, ch) in line_text.char_indices() {
        if units >= want {
            return start + i;
        }
        units += match enc {
            Encoding::Utf8 => ch.len_utf8(),
            Encoding::Utf16 => ch.len_utf16(),
        };
    }
    start + line_text.len()
}

/// The `file://` URI of a path (absolute, or made absolute).
pub fn uri_of(path: &Path) -> Option<Uri> {
    let abs = std::path::absolute(path).ok()?;
    Uri::from_str(&crate::uri::file_uri(&abs)?).ok()
}

/// The path of a `file://` URI (`None` for other schemes: `untitled:` buffers have no path).
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let url = url::Url::parse(uri.as_str()).ok()?;
    if url.scheme() != "file" {
        return None;
    }
    url.to_file_path().ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn utf16_and_utf8_columns_on_a_line_with_an_emoji() {
        // "é" is 2 bytes / 1 UTF-16 unit, "😀" 4 bytes / 2 units.
        let text = "ab\né😀 = new X()\r\nz";
        let lines = LineIndex::new(text);
        let at = text.find("new").unwrap() as u32;
        let p16 = position(text, &lines, at, Encoding::Utf16);
        assert_eq!((p16.line, p16.character), (1, 6));
        let p8 = position(text, &lines, at, Encoding::Utf8);
        assert_eq!((p8.line, p8.character), (1, 9));
        assert_eq!(offset(text, &lines, p16, Encoding::Utf16), at as usize);
        assert_eq!(offset(text, &lines, p8, Encoding::Utf8), at as usize);
        // Past the end of a CRLF line: before the \r.
        let eol = offset(
            text,
            &lines,
            Position {
                line: 1,
                character: 99,
            },
            Encoding::Utf16,
        );
        assert_eq!(&text[eol..eol + 2], "\r\n");
        assert_eq!(
            offset(
                text,
                &lines,
                Position {
                    line: 9,
                    character: 0
                },
                Encoding::Utf8
            ),
            text.len()
        );
    }

    #[test]
    fn uris_round_trip() {
        let p = Path::new("/tmp/a b/[id]/route.ts");
        let u = uri_of(p).unwrap();
        assert_eq!(u.as_str(), "file:///tmp/a%20b/%5Bid%5D/route.ts");
        assert_eq!(path_of(&u).unwrap(), p);
        assert!(path_of(&Uri::from_str("untitled:Untitled-1").unwrap()).is_none());
    }
}
