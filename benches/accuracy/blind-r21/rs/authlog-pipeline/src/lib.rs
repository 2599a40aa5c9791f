//! Shared code for the two authlog processes (see Procfile):
//! `authlog-api` (rwf web server) and `journal-ingest` (systemd journal tailer).
//! Each process builds exactly one pool through `db::make_pool`.

pub mod db;

use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct FailedLogin {
    pub host: String,
    pub username: String,
    pub source_ip: String,
    pub seen_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Offender {
    pub source_ip: String,
    pub attempts: i64,
    pub last_seen: DateTime<Utc>,
}

/// Parses sshd's "Failed password for [invalid user] NAME from IP port N ssh2".
pub fn parse_failed_password(message: &str) -> Option<(String, String)> {
    let rest = message.strip_prefix("Failed password for ")?;
    let rest = rest.strip_prefix("invalid user ").unwrap_or(rest);
    let (user, rest) = rest.split_once(" from ")?;
    let ip = rest.split_whitespace().next()?;
    Some((user.to_string(), ip.to_string()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses_invalid_user() {
        let parsed = super::parse_failed_password("Failed password for invalid user admin from 203.0.113.9 port 50122 ssh2");
        assert_eq!(parsed, Some(("admin".into(), "203.0.113.9".into())));
    }
}
