//! Source files, byte spans, and the conversion of byte offsets to positions.
//!
//! Everything inside connlint works in byte offsets into the file's own text ([`Span`]);
//! lines and columns are only computed here, at the edges (reporters, JSON, LSP).

use std::path::PathBuf;
use std::sync::Arc;

use crate::project::Project;

/// A half-open byte range `[start, end)` into a file's text.
#[derive(
    serde::Serialize,
    serde::Deserialize,
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The languages connlint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// `.ts .mts .cts` (TypeScript grammar)
    Ts,
    /// `.tsx` (TSX grammar)
    Tsx,
    /// `.js .jsx .mjs .cjs` (parsed with the TSX grammar, which accepts JSX)
    Js,
    /// `.py`
    Py,
    /// `.rs`
    Rs,
    /// `.env`, `.env.*`
    Env,
}

impl Lang {
    /// The language of a file, from its name.
    pub fn from_path(path: &std::path::Path) -> Option<Lang> {
        let name = path.file_name()?.to_str()?;
        if name == ".env" || name.starts_with(".env.") || name.ends_with(".env") && name.len() > 4 {
            // `.env`, `.env.local`, `prod.env`; but not `.envrc` (a shell script)
            if name == ".envrc" {
                return None;
            }
            return Some(Lang::Env);
        }
        let ext = path.extension()?.to_str()?;
        Some(match ext {
            "ts" | "mts" | "cts" => {
                if name.ends_with(".d.ts") || name.ends_with(".d.mts") || name.ends_with(".d.cts") {
                    return None;
                }
                Lang::Ts
            }
            "tsx" => Lang::Tsx,
            "js" | "jsx" | "mjs" | "cjs" => Lang::Js,
            "py" => Lang::Py,
            "rs" => Lang::Rs,
            _ => return None,
        })
    }

    /// Short lowercase name, as used in docs and fixtures.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Ts => "typescript",
            Lang::Tsx => "tsx",
            Lang::Js => "javascript",
            Lang::Py => "python",
            Lang::Rs => "rust",
            Lang::Env => "dotenv",
        }
    }

    /// Is this one of the JavaScript-family languages (one front-end reads them all)?
    pub fn is_js_family(self) -> bool {
        matches!(self, Lang::Ts | Lang::Tsx | Lang::Js)
    }
}

/// Line starts of a text, to turn byte offsets into 1-based lines and columns.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<u32>,
    /// Empty for an ASCII text (a column is then a byte count); otherwise, for every
    /// [`BLOCK`]-byte block, the Unicode scalar values and UTF-16 units before it, so that a
    /// column on a line of a megabyte (a minified bundle) costs at most one block's scan.
    blocks: Vec<(u32, u32)>,
}

/// The stride of [`LineIndex`]'s checkpoints in a non-ASCII text.
const BLOCK: usize = 1024;

/// A 1-based line and column; the column counts Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        // Lines end at `\n`, `\r\n`, or a lone `\r` (classic Mac files: without it every
        // finding of such a file was reported on line 1).
        let mut starts = vec![0u32];
        let bytes = text.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'\n' || (*b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
            }
        }
        let mut blocks = Vec::new();
        if !text.is_ascii() {
            let (mut chars, mut units) = (0u32, 0u32);
            for chunk in bytes.chunks(BLOCK) {
                blocks.push((chars, units));
                let (c, u) = count_units(chunk);
                chars = chars.saturating_add(c);
                units = units.saturating_add(u);
            }
        }
        LineIndex { starts, blocks }
    }

    /// Unicode scalar values and UTF-16 units in `text[..at]` (`at` on a char boundary).
    fn units_before(&self, text: &str, at: usize) -> (u32, u32) {
        if self.blocks.is_empty() {
            let n = u32::try_from(at).unwrap_or(u32::MAX);
            return (n, n);
        }
        let block = at / BLOCK;
        let (chars, units) = self.blocks.get(block).copied().unwrap_or_default();
        let (c, u) = count_units(text.as_bytes().get(block * BLOCK..at).unwrap_or_default());
        (chars.saturating_add(c), units.saturating_add(u))
    }

    /// 0-based line containing `offset`.
    pub fn line_of(&self, offset: u32) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> u32 {
        self.starts.get(line).copied().unwrap_or(0)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 1-based line and column (in Unicode scalar values) of a byte offset.
    pub fn position(&self, text: &str, offset: u32) -> Position {
        let offset = offset.min(u32::try_from(text.len()).unwrap_or(u32::MAX));
        let line = self.line_of(offset);
        let start = self.line_start(line) as usize;
        let end = floor_char_boundary(text, offset as usize).max(start);
        let column = self.units_before(text, end).0 - self.units_before(text, start).0;
        Position {
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            column: column.saturating_add(1),
        }
    }

    /// 0-based line and UTF-16 column of a byte offset (the LSP's default encoding).
    pub fn utf16_position(&self, text: &str, offset: u32) -> (u32, u32) {
        let offset = offset.min(u32::try_from(text.len()).unwrap_or(u32::MAX));
        let line = self.line_of(offset);
        let start = self.line_start(line) as usize;
        let end = floor_char_boundary(text, offset as usize).max(start);
        let col = self.units_before(text, end).1 - self.units_before(text, start).1;
        (u32::try_from(line).unwrap_or(u32::MAX), col)
    }

    /// The byte span of 0-based `line`, without its line break.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.line_start(line) as usize;
        let mut end = self
            .starts
            .get(line + 1)
            .map_or(text.len(), |s| *s as usize);
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Span::new(start, end)
    }

    /// Byte offset of a 1-based line and column (in Unicode scalar values); a column past the
    /// line's end is its end.
    pub fn offset(&self, text: &str, line: u32, column: u32) -> Option<usize> {
        let line0 = (line as usize).checked_sub(1)?;
        let start = *self.starts.get(line0)? as usize;
        let rest = text.get(start..)?;
        let mut col = 1u32;
        for (i, ch) in rest.char_indices() {
            if col == column {
                return Some(start + i);
            }
            if ch == '\n' || ch == '\r' {
                break;
            }
            col += 1;
        }
        // Past the end of the line: its end (as the LSP reads a character beyond the line).
        if column >= col {
            let line_end = rest
                .find(['\n', '\r'])
                .map(|i| start + i)
                .unwrap_or(text.len());
            return Some(line_end);
        }
        None
    }
}

/// Unicode scalar values and UTF-16 units in `bytes` (UTF-8): every byte that does not continue
/// a character starts one; a 4-byte character is two UTF-16 units.
fn count_units(bytes: &[u8]) -> (u32, u32) {
    let (mut chars, mut extra) = (0u32, 0u32);
    for b in bytes {
        chars += u32::from(b & 0xC0 != 0x80);
        extra += u32::from(*b >= 0xF0);
    }
    (chars, chars + extra)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One file to check: its text, language, and the project it belongs to.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as found on disk (relative to the working directory where possible).
    pub path: PathBuf,
    /// The display path: relative to the working directory, with `/` separators.
    pub display: String,
    /// The path relative to the project root, with `/` separators (e.g. `app/api/users/route.ts`).
    pub rel: String,
    pub lang: Lang,
    pub text: Arc<str>,
    pub project: Arc<Project>,
    pub lines: Arc<LineIndex>,
    /// Application code imports this file (see `lang::imported_by_app`): a file whose folder
    /// alone would make it a script (`prisma/`) is application code then.
    pub imported_by_app: bool,
    /// The text was not kept (`text` is empty): the prefilter's first round passed the file
    /// by, so only what its later rounds need of it was kept; it is read again if they want it.
    pub deferred: Option<Arc<Deferred>>,
}

/// What is kept of a file whose text was let go (see [`SourceFile::deferred`]).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Deferred {
    /// The size of the text.
    pub bytes: u64,
    /// The project modules it imports, each as its candidate module keys (`ModuleRef`s).
    pub imports: Vec<Vec<String>>,
}

impl SourceFile {
    pub fn new(
        path: PathBuf,
        display: String,
        rel: String,
        lang: Lang,
        text: String,
        project: Arc<Project>,
    ) -> Self {
        let lines = Arc::new(LineIndex::new(&text));
        SourceFile {
            path,
            display,
            rel,
            lang,
            text: Arc::from(text),
            project,
            lines,
            imported_by_app: false,
            deferred: None,
        }
    }

    /// The same file with another text (an edit, a buffer, a file read again); it keeps what
    /// the run learned of it (`imported_by_app`), not a deferral.
    pub fn with_text(&self, text: String) -> SourceFile {
        let mut fresh = SourceFile::new(
            self.path.clone(),
            self.display.clone(),
            self.rel.clone(),
            self.lang,
            text,
            self.project.clone(),
        );
        fresh.imported_by_app = self.imported_by_app;
        fresh
    }

    /// A file not on disk (tests, LSP buffers, `--stdin-filename`).
    pub fn in_memory(rel: &str, text: &str, project: Arc<Project>) -> Option<Self> {
        let lang = Lang::from_path(std::path::Path::new(rel))?;
        Some(SourceFile::new(
            PathBuf::from(rel),
            rel.to_string(),
            rel.to_string(),
            lang,
            text.to_string(),
            project,
        ))
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    pub fn position(&self, offset: u32) -> Position {
        self.lines.position(&self.text, offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_unicode_scalars() {
        let text = "ab\nçé = new X()\n";
        let idx = LineIndex::new(text);
        let off = text.find("new").map(|o| o as u32).unwrap_or(0);
        assert_eq!(idx.position(text, off), Position { line: 2, column: 6 });
        assert_eq!(idx.offset(text, 2, 6), Some(off as usize));
        assert_eq!(idx.utf16_position(text, off), (1, 5));
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let text = "a\rb = new X()\rc\r\nd";
        let idx = LineIndex::new(text);
        let off = text.find("new").map(|o| o as u32).unwrap_or(0);
        assert_eq!(idx.position(text, off), Position { line: 2, column: 5 });
        assert_eq!(idx.offset(text, 2, 5), Some(off as usize));
        let d = text.find('d').map(|o| o as u32).unwrap_or(0);
        assert_eq!(idx.position(text, d), Position { line: 4, column: 1 });
        assert_eq!(idx.line_count(), 4);
    }

    #[test]
    fn languages_by_extension() {
        use std::path::Path;
        assert_eq!(Lang::from_path(Path::new("a/route.ts")), Some(Lang::Ts));
        assert_eq!(Lang::from_path(Path::new("a/types.d.ts")), None);
        assert_eq!(Lang::from_path(Path::new("page.tsx")), Some(Lang::Tsx));
        assert_eq!(Lang::from_path(Path::new("x.cjs")), Some(Lang::Js));
        assert_eq!(Lang::from_path(Path::new("main.py")), Some(Lang::Py));
        assert_eq!(Lang::from_path(Path::new("lib.rs")), Some(Lang::Rs));
        assert_eq!(Lang::from_path(Path::new(".env")), Some(Lang::Env));
        assert_eq!(Lang::from_path(Path::new(".env.local")), Some(Lang::Env));
        assert_eq!(Lang::from_path(Path::new(".envrc")), None);
        assert_eq!(Lang::from_path(Path::new("README.md")), None);
    }
}
