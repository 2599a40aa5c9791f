//! JUnit XML (the test-report format CI systems display): one `<testcase>` per file checked, a
//! `<failure>` per finding in it (type = rule id), and files that could not be read or parsed as
//! testcases with an `<error>`. Written with `quick-xml`, which escapes every value.

use std::collections::BTreeMap;
use std::io::Cursor;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::diagnostic::Report;
use crate::diagnostic::{Diagnostic, FileError};

pub fn render(report: &Report) -> String {
    write(report).unwrap_or_default()
}

fn write(report: &Report) -> std::io::Result<String> {
    // Every file checked, with its findings; files with errors; files only named by a finding.
    let mut cases: BTreeMap<&str, (Vec<&Diagnostic>, Vec<&FileError>)> = BTreeMap::new();
    for path in &report.checked {
        cases.entry(path.as_str()).or_default();
    }
    for d in &report.diagnostics {
        cases.entry(d.path.as_str()).or_default().0.push(d);
    }
    for e in &report.errors {
        cases.entry(e.path.as_str()).or_default().1.push(e);
    }
    let tests = cases.len().to_string();
    let failures = report.diagnostics.len().to_string();
    let errors = report.errors.len().to_string();
    let mut w = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let counts = [
        ("tests", tests.as_str()),
        ("failures", failures.as_str()),
        ("errors", errors.as_str()),
    ];
    w.create_element("testsuites")
        .with_attribute(("name", "connlint"))
        .with_attributes(counts)
        .write_inner_content(|w| {
            w.create_element("testsuite")
                .with_attribute(("name", "connlint"))
                .with_attributes(counts)
                .with_attribute(("skipped", "0"))
                .write_inner_content(|w| {
                    for (path, (diags, errs)) in &cases {
                        let case = w
                            .create_element("testcase")
                            .with_attribute(("name", *path))
                            .with_attribute(("classname", "connlint"))
                            .with_attribute(("file", *path));
                        if diags.is_empty() && errs.is_empty() {
                            case.write_empty()?;
                            continue;
                        }
                        case.write_inner_content(|w| {
                            for d in diags {
                                let body = format!(
                                    "{}:{}:{}: {}[{}] {}\nhelp: {}",
                                    d.path,
                                    d.start.line,
                                    d.start.column,
                                    d.severity.as_str(),
                                    d.rule,
                                    d.message,
                                    d.help
                                );
                                w.create_element("failure")
                                    .with_attribute(("type", d.rule))
                                    .with_attribute((
                                        "message",
                                        format!(
                                            "{}:{}: {}",
                                            d.start.line, d.start.column, d.message
                                        )
                                        .as_str(),
                                    ))
                                    .write_text_content(BytesText::new(&body))?;
                            }
                            for e in errs {
                                w.create_element("error")
                                    .with_attribute(("type", "file-error"))
                                    .with_attribute(("message", e.message.as_str()))
                                    .write_text_content(BytesText::new(&format!(
                                        "{}: {}",
                                        e.location(),
                                        e.message
                                    )))?;
                            }
                            Ok(())
                        })?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    let mut out = String::from_utf8(w.into_inner().into_inner()).map_err(std::io::Error::other)?;
    out.push('\n');
    Ok(out)
}
