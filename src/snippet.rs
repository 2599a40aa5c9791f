//! Snippets for miette: the lines of a file a report shows, each cut to a window around its
//! spans, as a [`SourceCode`] that maps them back to the file's lines and columns. Reports cost
//! the size of their snippet, not of the file (a minified bundle is one line of a megabyte), and
//! `\r`-only line breaks are lines.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::source::{LineIndex, Span};

/// The longest line shown whole; a longer one (a minified bundle) is cut to a window around
/// the spans on it, marked with `…`.
const MAX_LINE: usize = 240;
/// Lines shown around the labels: the handler's default context.
const CONTEXT: usize = 1;

/// The lines of a file a snippet shows, each cut to at most [`MAX_LINE`] bytes, with what
/// maps them back: miette reads this instead of the whole file, so a report costs the size of
/// its snippet, not of the file, and `\r`-only line breaks are lines.
#[derive(Debug)]
pub struct Excerpt {
    name: String,
    language: &'static str,
    text: String,
    lines: Vec<ExcerptLine>,
}

#[derive(Debug)]
struct ExcerptLine {
    /// 0-based line number in the file.
    line: usize,
    /// Where the line starts in `text`.
    at: usize,
    /// The bytes of the file shown (`from..to`), and the columns cut before them.
    from: usize,
    to: usize,
    cut_columns: usize,
    /// Bytes of the `…` marker before the shown text (0 or 3).
    marker: usize,
}

/// The last line that holds text (a final line break ends a line, it does not start one).
fn last_line(text: &str, index: &LineIndex) -> usize {
    let last = index.line_count().saturating_sub(1);
    if last > 0 && index.line_start(last) as usize >= text.len() {
        last - 1
    } else {
        last
    }
}

impl Excerpt {
    /// The excerpt of `text` showing `spans` (the first is the primary), with their spans in
    /// it. A span more than 20 lines from the primary is left out (`None`).
    pub fn new(
        name: &str,
        text: &str,
        index: &LineIndex,
        spans: &[Span],
    ) -> (Excerpt, Vec<Option<SourceSpan>>) {
        let line_of = |o: u32| index.line_of(o);
        let primary = spans.first().copied().unwrap_or_default();
        let near = |s: &Span| line_of(s.start).abs_diff(line_of(primary.start)) <= 20;
        let shown: Vec<Span> = spans.iter().copied().filter(near).collect();
        let first = shown
            .iter()
            .map(|s| line_of(s.start))
            .min()
            .unwrap_or(0)
            .saturating_sub(CONTEXT);
        let last = shown
            .iter()
            .map(|s| line_of(s.end.max(s.start)))
            .max()
            .unwrap_or(0)
            .saturating_add(CONTEXT)
            .min(last_line(text, index));
        let mut ex = Excerpt {
            name: name.to_string(),
            language: language_hint(name),
            text: String::new(),
            lines: Vec::new(),
        };
        for line in first..=last {
            let full = index.line_span(text, line);
            let (lo, hi) = (full.start as usize, full.end as usize);
            let (mut from, mut to) = (lo, hi);
            if hi - lo > MAX_LINE {
                // Centre on the first span starting on this line, else show the line's start.
                let anchor = shown
                    .iter()
                    .map(|s| s.start as usize)
                    .filter(|s| (lo..=hi).contains(s))
                    .min()
                    .unwrap_or(lo);
                from = anchor.saturating_sub(MAX_LINE / 4).max(lo);
                to = (from + MAX_LINE).min(hi);
                while from > lo && !text.is_char_boundary(from) {
                    from -= 1;
                }
                while to < hi && !text.is_char_boundary(to) {
                    to += 1;
                }
            }
            let marker = if from > lo { "…" } else { "" };
            let at = ex.text.len();
            ex.text.push_str(marker);
            ex.text.push_str(text.get(from..to).unwrap_or(""));
            if to < hi {
                ex.text.push('…');
            }
            ex.text.push('\n');
            ex.lines.push(ExcerptLine {
                line,
                at,
                from,
                to,
                cut_columns: text.get(lo..from).map_or(0, |t| t.chars().count()),
                marker: marker.len(),
            });
        }
        let mapped = spans
            .iter()
            .map(|s| {
                near(s).then(|| {
                    let start = ex.map(line_of(s.start), s.start as usize);
                    let end = ex.map(line_of(s.end), s.end as usize).max(start);
                    SourceSpan::new(start.into(), end - start)
                })
            })
            .collect();
        (ex, mapped)
    }

    /// The excerpt offset of file offset `offset` on file line `line` (clamped into what the
    /// line shows).
    fn map(&self, line: usize, offset: usize) -> usize {
        let Some(l) = self.lines.iter().find(|l| l.line == line) else {
            return self.lines.last().map_or(0, |l| l.at);
        };
        l.at + l.marker + offset.clamp(l.from, l.to) - l.from
    }
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.as_str().read_span(span, before, after)?;
        // The column in characters of the file's line (miette counts bytes of the excerpt).
        let (line, column) = match self.lines.get(inner.line()) {
            Some(l) => {
                let shown = l.at + l.marker;
                let before = self
                    .text
                    .get(shown..span.offset().max(shown))
                    .map_or(0, |t| t.chars().count());
                (l.line, l.cut_columns + before)
            }
            None => (inner.line(), inner.column()),
        };
        Ok(Box::new(
            MietteSpanContents::new_named(
                self.name.clone(),
                inner.data(),
                *inner.span(),
                line,
                column,
                // Counted from the file's start, as miette counts it for a whole text (its
                // handler merges two labels' snippets by this count).
                inner.line_count() + self.lines.first().map_or(0, |l| l.line),
            )
            .with_language(self.language),
        ))
    }
}

/// The syntax miette is told the snippet is in, from the file's name.
pub fn language_hint(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("py") => "python",
        Some("rs") => "rust",
        Some("toml") => "toml",
        _ => "typescript",
    }
}

/// The excerpt of `text` showing `span`, with the span in it (a configuration error).
pub fn of_text(name: &str, text: &str, span: Span) -> (Excerpt, SourceSpan) {
    let index = LineIndex::new(text);
    let (ex, spans) = Excerpt::new(name, text, &index, &[span]);
    let at = spans
        .first()
        .copied()
        .flatten()
        .unwrap_or_else(|| SourceSpan::new(0.into(), 0));
    (ex, at)
}
