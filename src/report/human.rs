//! Human output: one miette graphical report per diagnostic (path:line:col, the source snippet
//! with the span labelled, rule id, message, help), then a summary.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::Report;

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
    source: NamedSource<String>,
    related: Vec<RelatedRendered>,
}

struct RelatedRendered {
    message: String,
    source: NamedSource<String>,
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

fn span(s: crate::source::Span) -> SourceSpan {
    SourceSpan::new((s.start as usize).into(), s.len())
}

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
            span(self.d.span),
        )];
        if let Some((s, text)) = &self.d.label {
            labels.push(LabeledSpan::new_with_span(Some(text.clone()), span(*s)));
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
    let text = report
        .sources
        .get(&d.path)
        .map(|s| s.to_string())
        .unwrap_or_default();
    let related = d
        .related
        .iter()
        .map(|r| RelatedRendered {
            message: format!(
                "{}:{}:{}: {}",
                r.path, r.start.line, r.start.column, r.message
            ),
            source: NamedSource::new(
                r.path.clone(),
                report
                    .sources
                    .get(&r.path)
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
            ),
            span: span(r.span),
        })
        .collect();
    let rendered = Rendered {
        d,
        source: NamedSource::new(d.path.clone(), text).with_language(language_hint(&d.path)),
        related,
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
    for d in &report.diagnostics {
        out.push_str(&render_diagnostic(d, report, opts));
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
