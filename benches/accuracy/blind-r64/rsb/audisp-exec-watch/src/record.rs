//! Parsing of auditd string-format records, e.g.
//! type=SYSCALL msg=audit(1718000000.123:4567): arch=c000003e syscall=59 ... auid=1000 uid=0 exe="/usr/bin/curl" key="net_tool"
//! type=EXECVE msg=audit(1718000000.123:4567): argc=3 a0="curl" a1="-s" a2=68747470733A2F2F...
//! type=EOE msg=audit(1718000000.123:4567):

use std::collections::HashMap;

pub struct Record {
    pub kind: String,
    pub serial: u64,
    pub fields: HashMap<String, String>,
}

pub fn parse(line: &str) -> Option<Record> {
    // ENRICHED format appends translated fields after a 0x1d separator.
    let line = line.split('\x1d').next()?;
    let rest = line.strip_prefix("type=")?;
    let (kind, rest) = rest.split_once(' ')?;
    let rest = rest.strip_prefix("msg=audit(")?;
    let (stamp, rest) = rest.split_once("):")?;
    let serial = stamp.split_once(':')?.1.parse().ok()?;
    let fields = rest
        .split_whitespace()
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Some(Record { kind: kind.to_string(), serial, fields })
}

/// Quoted values are literal; unquoted EXECVE args are hex-encoded.
fn decode_arg(v: &str) -> String {
    if let Some(q) = v.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        return q.to_string();
    }
    hex::decode(v)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_else(|_| v.to_string())
}

pub struct Exec {
    pub serial: u64,
    pub key: String,
    pub auid: i64,
    pub uid: i64,
    pub exe: String,
    pub argv: Vec<String>,
}

impl Exec {
    pub fn assemble(serial: u64, parts: &[Record]) -> Option<Exec> {
        let syscall = parts.iter().find(|r| r.kind == "SYSCALL")?;
        let key = decode_arg(syscall.fields.get("key")?);
        let execve = parts.iter().find(|r| r.kind == "EXECVE");
        let argv = execve
            .map(|r| {
                let argc: usize = r.fields.get("argc").and_then(|a| a.parse().ok()).unwrap_or(0);
                (0..argc)
                    .filter_map(|i| r.fields.get(&format!("a{i}")).map(|v| decode_arg(v)))
                    .collect()
            })
            .unwrap_or_default();
        Some(Exec {
            serial,
            key,
            auid: syscall.fields.get("auid").and_then(|v| v.parse().ok()).unwrap_or(-1),
            uid: syscall.fields.get("uid").and_then(|v| v.parse().ok()).unwrap_or(-1),
            exe: syscall.fields.get("exe").map(|v| decode_arg(v)).unwrap_or_default(),
            argv,
        })
    }
}
