//! Markdown rendering of result rows and the kernel_info reply.

use jupyter_protocol::{CodeMirrorMode, KernelInfoReply, LanguageInfo, ReplyStatus};
use serde_json::Value;

pub fn render(rows: &[Value]) -> String {
    let Some(Value::Object(first)) = rows.first() else {
        return "_(no rows)_".into();
    };
    let cols: Vec<&String> = first.keys().collect();
    let mut out = format!("| {} |\n|{}\n", cols.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" | "), "---|".repeat(cols.len()));
    for row in rows {
        let cells: Vec<String> = cols
            .iter()
            .map(|c| match &row[c.as_str()] {
                Value::String(s) => s.replace('|', "\\|"),
                Value::Null => String::new(),
                other => other.to_string(),
            })
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

pub fn kernel_info() -> KernelInfoReply {
    KernelInfoReply {
        status: ReplyStatus::Ok,
        protocol_version: "5.3".into(),
        implementation: "pgsql-kernel".into(),
        implementation_version: env!("CARGO_PKG_VERSION").into(),
        language_info: LanguageInfo {
            name: "sql".into(),
            version: "postgresql".into(),
            mimetype: "application/sql".into(),
            file_extension: ".sql".into(),
            pygments_lexer: "postgresql".into(),
            codemirror_mode: CodeMirrorMode::Simple("sql".into()),
            nbconvert_exporter: "script".into(),
        },
        banner: "PostgreSQL analytics kernel".into(),
        help_links: vec![],
        debugger: false,
        error: None,
    }
}
