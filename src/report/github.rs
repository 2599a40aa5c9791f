//! GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.

use crate::diagnostic::Report;
use crate::diagnostic::Severity;

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        out.push_str(&format!(
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_property(&d.path),
            d.start.line,
            d.start.column,
            d.end.line,
            d.end.column,
            escape_property(&format!("connlint {} ({})", d.rule, d.code)),
            escape_data(&format!("{}\n{}", d.message, d.help)),
        ));
    }
    // Files that could not be read or parsed: an annotation each, never silence.
    for e in &report.errors {
        let mut props = format!("file={}", escape_property(&e.path));
        if let Some(line) = e.line {
            props.push_str(&format!(",line={line}"));
        }
        if let Some(col) = e.column {
            props.push_str(&format!(",col={col}"));
        }
        out.push_str(&format!(
            "::warning {props},title={}::{}\n",
            escape_property("connlint could not check this file"),
            escape_data(&e.message),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_actions_toolkit() {
        assert_eq!(escape_data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
