//! Installed as
//!
//!     filter "rcpt-guard" proc-exec "/usr/local/libexec/smtpd/filter-rcpt-guard"
//!     listen on egress filter "rcpt-guard"
//!
//! smtpd starts this binary once and keeps it running; every SMTP event of
//! every session arrives as one line on stdin.

use std::collections::HashMap;
use std::io::{self, BufRead, Write};

mod policy;
mod protocol;

use protocol::{Line, Session};

pub struct Config {
    pub database_url: String,
    pub redis_url: String,
    pub hostname: String,
}

fn register(out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "register|report|smtp-in|link-connect")?;
    writeln!(out, "register|report|smtp-in|link-disconnect")?;
    writeln!(out, "register|filter|smtp-in|rcpt-to")?;
    writeln!(out, "register|ready")?;
    out.flush()
}

fn main() -> anyhow::Result<()> {
    let cfg = Config {
        database_url: std::env::var("RCPT_GUARD_DSN")
            .unwrap_or_else(|_| "host=/var/run/postgresql dbname=mail user=_smtpd".into()),
        redis_url: std::env::var("RCPT_GUARD_REDIS")
            .unwrap_or_else(|_| "redis://127.0.0.1:6379/3".into()),
        hostname: std::env::var("RCPT_GUARD_HOSTNAME").unwrap_or_else(|_| "mx1".into()),
    };

    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut sessions: HashMap<String, Session> = HashMap::new();

    for line in stdin.lock().lines() {
        let line = line?;
        match protocol::parse(&line) {
            Line::ConfigReady => register(&mut out)?,
            Line::Config => {}
            Line::LinkConnect { session, rdns, src } => {
                if let Err(e) = policy::track_connect(&cfg, &rdns, &src) {
                    eprintln!("rcpt-guard: connect tracking failed: {e:#}");
                }
                sessions.insert(session, Session { rdns, src });
            }
            Line::LinkDisconnect { session } => {
                sessions.remove(&session);
            }
            Line::RcptTo { session, token, address } => {
                let verdict = match policy::check_recipient(&cfg, sessions.get(&session), &address) {
                    Ok(v) => v,
                    Err(e) => {
                        eprintln!("rcpt-guard: lookup for {address} failed: {e:#}");
                        policy::Verdict::TempFail
                    }
                };
                writeln!(out, "{}", protocol::filter_result(&session, &token, &verdict))?;
                out.flush()?;
            }
            Line::Unknown => {
                eprintln!("rcpt-guard: ignoring line: {line}");
            }
        }
    }

    Ok(())
}
