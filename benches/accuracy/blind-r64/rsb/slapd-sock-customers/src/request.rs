//! back-sock request format: operation name on the first line, then
//! "key: value" lines, terminated by an empty line.
//!
//! SEARCH\nmsgid: 2\nbinddn: ...\nsuffix: ou=customers,...\nbase: ...\nscope: 2\n
//! deref: 0\nsizelimit: 500\ntimelimit: 3600\nfilter: (uid=jdoe)\nattrsonly: 0\nattrs: all\n\n

use tokio::io::{AsyncBufRead, AsyncBufReadExt};

pub struct Request {
    pub op: String,
    pub fields: Vec<(String, String)>,
}

impl Request {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

pub async fn read<R: AsyncBufRead + Unpin>(mut rd: R) -> anyhow::Result<Request> {
    let mut line = String::new();
    rd.read_line(&mut line).await?;
    let op = line.trim_end().to_string();
    let mut fields = Vec::new();
    loop {
        line.clear();
        if rd.read_line(&mut line).await? == 0 {
            break;
        }
        let l = line.trim_end_matches('\n');
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            fields.push((k.to_string(), v.trim_start().to_string()));
        }
    }
    Ok(Request { op, fields })
}
