//! pass_persist protocol (see snmpd.conf(5)): snmpd writes "PING" and
//! expects "PONG"; "get"/"getnext" are followed by an OID line and answered
//! with OID, type and value lines (or "NONE"); "set" gets "not-writable".

mod db;
mod metrics;

use std::io::{self, BufRead, Write};

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut lines = stdin.lock().lines();
    let mut out = io::stdout().lock();

    while let Some(cmd) = lines.next() {
        let cmd = cmd?;
        match cmd.trim() {
            "PING" => writeln!(out, "PONG")?,
            "get" => {
                let oid = lines.next().transpose()?.unwrap_or_default();
                respond(&mut out, oid.trim(), false)?;
            }
            "getnext" => {
                let oid = lines.next().transpose()?.unwrap_or_default();
                respond(&mut out, oid.trim(), true)?;
            }
            "set" => {
                let _oid = lines.next();
                let _value = lines.next();
                writeln!(out, "not-writable")?;
            }
            "" => break, // snmpd closed the pipe
            other => {
                eprintln!("queue-snmp: unknown command {other:?}");
                writeln!(out, "NONE")?;
            }
        }
        out.flush()?;
    }
    Ok(())
}

fn respond(out: &mut impl Write, oid: &str, next: bool) -> io::Result<()> {
    let leaf = oid.strip_prefix(metrics::BASE).unwrap_or("");
    let target = if next {
        if oid.len() < metrics::BASE.len() && metrics::BASE.starts_with(oid) {
            metrics::LEAVES.first().copied()
        } else {
            metrics::next_leaf(leaf)
        }
    } else {
        metrics::LEAVES.iter().copied().find(|l| *l == leaf)
    };

    match target.and_then(|l| metrics::read(l).map(|v| (l, v))) {
        Some((l, value)) => {
            writeln!(out, "{}{}", metrics::BASE, l)?;
            writeln!(out, "{}", value.type_name())?;
            writeln!(out, "{}", value.render())
        }
        None => writeln!(out, "NONE"),
    }
}
