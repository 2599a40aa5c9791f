//! Human output: one miette graphical report per diagnostic (path:line:col, the source snippet
//! with the span labelled, rule id, message, help), then a summary.

use std::fmt;

use std::collections::HashMap;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::Report;
use crate::source::{LineIndex, Span};

/// Rendering options.
#[derive(Debug, Clone, Copy)]
pub struct HumanOptions {
    pub color: bool,
    /// Terminal width for wrapping.
    pub width: usize,
}

impl Default for HumanOptions {
    fn default() -> Self {
        HumanOptions {
            color: false,
            width: 100,
        }
    }
}

struct Rendered<'a> {
    d: &'a Diagnostic,
    source: Excerpt,
    /// The diagnostic's span and its label's, in the excerpt.
    primary: SourceSpan,
    label: Option<(SourceSpan, String)>,
    /// A label left out of the snippet (too far from the finding), said in the help.
    far_label: Option<String>,
    related: Vec<RelatedRendered>,
}

struct RelatedRendered {
    message: String,
    source: Excerpt,
    span: SourceSpan,
}

/// The longest line shown whole; a longer one (a minified bundle) is cut to a window around
/// the spans on it, marked with `…`.
const MAX_LINE: usize = 240;
/// Lines shown around the labels: the handler's default context.
const CONTEXT: usize = 1;

/// The lines of a file a snippet shows, each cut to at most [`MAX_LINE`] bytes, with what
/// maps them back: miette reads this instead of the whole file, so a report costs the size of
/// its snippet, not of the file, and `\r`-only line breaks are lines.
struct Excerpt {
    name: String,
    language: &'static str,
    text: String,
    lines: Vec<ExcerptLine>,
}

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
    fn new(
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

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}
impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}
impl std::error::Error for Rendered<'_> {}

impl fmt::Debug for RelatedRendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl fmt::Display for RelatedRendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for RelatedRendered {}

impl miette::Diagnostic for Rendered<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let marker = match &self.d.fix {
            Some((f, _))
                if f.applicability == crate::diagnostic::Applicability::Safe
                    && !f.edits.is_empty() =>
            {
                " [*]"
            }
            _ => "",
        };
        Some(Box::new(format!(
            "{}[{}]{marker}",
            self.d.rule, self.d.code
        )))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let mut help = self.d.help.clone();
        if let Some(far) = &self.far_label {
            help.push_str(&format!("\nsee: {far}"));
        }
        if let Some((fix, _)) = self.d.fix.as_ref().filter(|(f, _)| !f.edits.is_empty()) {
            help.push_str(&format!(
                "\nfix ({}): {}",
                fix.applicability.as_str(),
                fix.message
            ));
        }
        Some(Box::new(help))
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            Some("here".into()),
            self.primary,
        )];
        if let Some((s, text)) = &self.label {
            labels.push(LabeledSpan::new_with_span(Some(text.clone()), *s));
        }
        Some(Box::new(labels.into_iter()))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.related.iter().map(|r| r as &dyn miette::Diagnostic),
        ))
    }
}

impl miette::Diagnostic for RelatedRendered {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(None, self.span),
        )))
    }
}

/// Render one diagnostic (miette graphical, no trailing summary).
pub fn render_diagnostic(d: &Diagnostic, report: &Report, opts: HumanOptions) -> String {
    render_one(d, report, opts, &mut Indexes::default())
}

/// Each file's line index, built once per report (not once per diagnostic).
#[derive(Default)]
struct Indexes(HashMap<String, LineIndex>);

impl Indexes {
    fn excerpt(
        &mut self,
        report: &Report,
        path: &str,
        spans: &[Span],
    ) -> (Excerpt, Vec<Option<SourceSpan>>) {
        let text = report.sources.get(path).map_or("", |s| s);
        let index = self
            .0
            .entry(path.to_string())
            .or_insert_with(|| LineIndex::new(text));
        Excerpt::new(path, text, index, spans)
    }
}

fn render_one(d: &Diagnostic, report: &Report, opts: HumanOptions, ix: &mut Indexes) -> String {
    let related = d
        .related
        .iter()
        .map(|r| {
            let (source, spans) = ix.excerpt(report, &r.path, &[r.span]);
            RelatedRendered {
                message: format!(
                    "{}:{}:{}: {}",
                    r.path, r.start.line, r.start.column, r.message
                ),
                source,
                span: spans
                    .first()
                    .copied()
                    .flatten()
                    .unwrap_or_else(|| SourceSpan::new(0.into(), 0)),
            }
        })
        .collect();
    let mut spans = vec![d.span];
    spans.extend(d.label.as_ref().map(|(s, _)| *s));
    let (source, mapped) = ix.excerpt(report, &d.path, &spans);
    let primary = mapped
        .first()
        .copied()
        .flatten()
        .unwrap_or_else(|| SourceSpan::new(0.into(), 0));
    // A label too far from the finding to share its snippet is named in the help instead.
    let mut far_label = None;
    let label = match (&d.label, mapped.get(1).copied().flatten()) {
        (Some((_, text)), Some(s)) => Some((s, text.clone())),
        (Some((s, text)), None) => {
            let p = report
                .sources
                .get(&d.path)
                .map(|t| LineIndex::new(t).position(t, s.start));
            far_label = p.map(|p| format!("{text} (line {})", p.line));
            None
        }
        _ => None,
    };
    let rendered = Rendered {
        d,
        source,
        primary,
        label,
        related,
        far_label,
    };
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_links(false);
    let mut out = String::new();
    if handler.render_report(&mut out, &rendered).is_err() {
        out = format!(
            "{}:{}:{}: {} [{}]\n",
            d.path, d.start.line, d.start.column, d.message, d.rule
        );
    }
    out
}

fn language_hint(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("py") => "python",
        Some("rs") => "rust",
        _ => "typescript",
    }
}

/// "N fixable with --fix (M more with --unsafe-fixes)", or nothing.
pub fn fixable_line(report: &Report) -> Option<String> {
    use crate::diagnostic::Applicability;
    let (safe, unsafe_) = (
        report.fixable(Applicability::Safe),
        report.fixable(Applicability::Unsafe),
    );
    match (safe, unsafe_) {
        (0, 0) => None,
        (0, u) => Some(format!("{u} fixable with --unsafe-fixes.")),
        (s, 0) => Some(format!("{s} fixable with --fix.")),
        (s, u) => Some(format!(
            "{s} fixable with --fix ({u} more with --unsafe-fixes)."
        )),
    }
}

/// The summary line.
pub fn summary(report: &Report) -> String {
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    let files = report.files_checked;
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    if errors + warnings == 0 {
        format!("No connection problems found in {}.", plural(files, "file"))
    } else {
        format!(
            "Found {} and {} in {}.",
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(files, "file")
        )
    }
}

/// The whole human report: every diagnostic, then the summary.
pub fn render(report: &Report, opts: HumanOptions) -> String {
    let mut out = String::new();
    let mut ix = Indexes::default();
    for d in &report.diagnostics {
        out.push_str(&render_one(d, report, opts, &mut ix));
        out.push('\n');
    }
    out.push_str(&summary(report));
    out.push('\n');
    if let Some(line) = fixable_line(report) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// A one-line form: `path:line:col: severity[rule] message` (for `--quiet`-like uses and tests).
pub fn render_concise(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        out.push_str(&format!(
            "{}:{}:{}: {}[{}] {}\n",
            d.path,
            d.start.line,
            d.start.column,
            d.severity.as_str(),
            d.rule,
            d.message
        ));
    }
    out
}
