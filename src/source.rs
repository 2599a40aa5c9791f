//! Source files, byte spans, and the conversion of byte offsets to positions.
//!
//! Everything inside connlint works in byte offsets into the file's own text ([`Span`]);
//! lines and columns are only computed here, at the edges (reporters, JSON, LSP).

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

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
            // Single-file components: only their `<script>` blocks are read (the TypeScript
            // front-end finds them), at their own offsets.
            "vue" | "svelte" => Lang::Ts,
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
    /// The text (it reads as a `&str`); see [`Text`] for a text let go after extraction.
    pub text: Text,
    pub project: Arc<Project>,
    /// Application code imports this file (see `lang::imported_by_app`): a file whose folder
    /// alone would make it a script (`prisma/`) is application code then.
    pub imported_by_app: bool,
    /// The text was not kept (`text` is empty): the prefilter's first round passed the file
    /// by, so only what its later rounds need of it was kept; it is read again if they want it.
    pub deferred: Option<Arc<Deferred>>,
    /// Whether the file is an entry script (`lang::is_entry_script`), found before its text
    /// was let go (`None`: the text is held, ask it).
    pub entry_script: Option<bool>,
}

/// What is kept of a file whose text was let go (see [`SourceFile::deferred`]).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Deferred {
    /// The size of the text.
    pub bytes: u64,
    /// The project modules it imports, each as its candidate module keys (`ModuleRef`s).
    pub imports: Vec<Arc<[String]>>,
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
        SourceFile {
            path,
            display,
            rel,
            lang,
            text: Text::from(text),
            project,
            imported_by_app: false,
            deferred: None,
            entry_script: None,
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
        self.lines().position(&self.text, offset)
    }

    /// The line starts of the text (computed when first asked for).
    pub fn lines(&self) -> &LineIndex {
        self.text.line_index()
    }

    /// The same file with its text let go (read again from disk when next asked for; see
    /// [`Text::released`]), for a one-shot run once its facts are extracted.
    /// `entry_script` is what `lang::is_entry_script` found of the text.
    pub fn released(&self, entry_script: bool) -> SourceFile {
        SourceFile {
            text: Text::released(&self.path, &self.text),
            entry_script: Some(entry_script),
            ..self.clone()
        }
    }
}

/// A file's text. It is either held, or let go once the file's facts are extracted (a one-shot
/// run holds facts, not sources): a released text is read again from disk the first time it is
/// asked for (a rule slicing a name for its message, a fix builder, a code frame) and held from
/// then on. Its size and hash are kept: a file that changed on disk since it was read is not
/// used (it reads as empty, and [`Text::is_stale`] says so; the run leaves its findings out).
#[derive(Clone)]
pub struct Text(Arc<TextCell>);

struct TextCell {
    text: OnceLock<Arc<str>>,
    lines: OnceLock<LineIndex>,
    /// Where to read a released text again, and what it must be.
    origin: Option<Origin>,
    stale: AtomicBool,
}

struct Origin {
    path: PathBuf,
    len: usize,
    hash: u64,
}

impl Text {
    /// A text let go: `path` is read again when it is next asked for, and must still hold
    /// `text` (same size and hash).
    pub fn released(path: &std::path::Path, text: &str) -> Text {
        Text(Arc::new(TextCell {
            text: OnceLock::new(),
            lines: OnceLock::new(),
            origin: Some(Origin {
                path: path.to_path_buf(),
                len: text.len(),
                hash: xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
            }),
            stale: AtomicBool::new(false),
        }))
    }

    /// The text, shared.
    pub fn arc(&self) -> Arc<str> {
        self.text().clone()
    }

    /// The size of the text in bytes; a text let go is not read again for it.
    pub fn len(&self) -> usize {
        match (self.0.text.get(), &self.0.origin) {
            (Some(text), _) => text.len(),
            (None, Some(origin)) => origin.len,
            (None, None) => 0,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Is the text held now (not let go, or read again already)?
    pub fn is_held(&self) -> bool {
        self.0.text.get().is_some()
    }

    /// The text was let go, and the file on disk no longer holds it.
    pub fn is_stale(&self) -> bool {
        let _ = self.text();
        self.0.stale.load(Ordering::Relaxed)
    }

    /// The line starts of the text (computed when first asked for).
    pub fn line_index(&self) -> &LineIndex {
        self.0.lines.get_or_init(|| LineIndex::new(self.text()))
    }

    fn text(&self) -> &Arc<str> {
        self.0.text.get_or_init(|| {
            let Some(origin) = &self.0.origin else {
                return Arc::from("");
            };
            match read_again(origin) {
                Some(text) => Arc::from(text),
                None => {
                    self.0.stale.store(true, Ordering::Relaxed);
                    Arc::from("")
                }
            }
        })
    }
}

/// The text at `origin`, if it is still the text that was read (as the run read it: without a
/// byte-order mark).
fn read_again(origin: &Origin) -> Option<String> {
    let bytes = crate::readfile::read_regular(&origin.path, origin.len as u64 + 3).ok()?;
    let mut text = String::from_utf8(bytes).ok()?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    (text.len() == origin.len && xxhash_rust::xxh3::xxh3_64(text.as_bytes()) == origin.hash)
        .then_some(text)
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        // The many files a one-shot run lets go unparsed (see `Deferred`) share one empty text.
        static EMPTY: OnceLock<Text> = OnceLock::new();
        if text.is_empty() {
            return EMPTY.get_or_init(|| Text::held(String::new())).clone();
        }
        Text::held(text)
    }
}

impl Text {
    fn held(text: String) -> Text {
        let cell = TextCell {
            text: OnceLock::from(Arc::<str>::from(text)),
            lines: OnceLock::new(),
            origin: None,
            stale: AtomicBool::new(false),
        };
        Text(Arc::new(cell))
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.text()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.text()
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.text.get() {
            Some(text) => std::fmt::Debug::fmt(text, f),
            None => f.write_str("<released>"),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
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
    fn a_released_text_is_read_again_unless_it_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.ts");
        let text = "const a = \"é\";\nexport const pool = new Pool();\n";
        std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
        let released = Text::released(&path, text);
        assert!(!released.is_held());
        assert_eq!(released.len(), text.len());
        assert_eq!(&*released, text);
        assert!(released.is_held() && !released.is_stale());
        assert_eq!(released.line_index().line_count(), 3);

        // Changed on disk since it was read: not used, and said so.
        std::fs::write(&path, "export const pool = new Pool();\n").unwrap();
        let changed = Text::released(&path, text);
        assert_eq!(&*changed, "");
        assert!(changed.is_stale());
        let gone = Text::released(&dir.path().join("missing.ts"), text);
        assert!(gone.is_stale());
        // A held text is never stale.
        assert!(!Text::from(text.to_string()).is_stale());
    }

    #[test]
    fn languages_by_extension() {
        use std::path::Path;
        assert_eq!(Lang::from_path(Path::new("a/route.ts")), Some(Lang::Ts));
        assert_eq!(Lang::from_path(Path::new("a/types.d.ts")), None);
        assert_eq!(Lang::from_path(Path::new("page.tsx")), Some(Lang::Tsx));
        assert_eq!(Lang::from_path(Path::new("App.vue")), Some(Lang::Ts));
        assert_eq!(Lang::from_path(Path::new("+page.svelte")), Some(Lang::Ts));
        assert_eq!(Lang::from_path(Path::new("x.cjs")), Some(Lang::Js));
        assert_eq!(Lang::from_path(Path::new("main.py")), Some(Lang::Py));
        assert_eq!(Lang::from_path(Path::new("lib.rs")), Some(Lang::Rs));
        assert_eq!(Lang::from_path(Path::new(".env")), Some(Lang::Env));
        assert_eq!(Lang::from_path(Path::new(".env.local")), Some(Lang::Env));
        assert_eq!(Lang::from_path(Path::new(".envrc")), None);
        assert_eq!(Lang::from_path(Path::new("README.md")), None);
    }
}
