//! Human output: one miette graphical report per diagnostic (path:line:col, the source snippet
//! with the span labelled, rule id, message, help), then a summary.

use std::fmt;

use std::collections::HashMap;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceSpan};

use crate::diagnostic::Report;
use crate::diagnostic::{Diagnostic, Severity};
use crate::snippet::Excerpt;
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
