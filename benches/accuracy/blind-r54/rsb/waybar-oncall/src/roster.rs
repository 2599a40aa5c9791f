//! The on-call roster lives in the team's ops Postgres database.

use anyhow::Result;
use postgres::{Client, NoTls};

#[derive(Debug, Clone)]
pub struct Shift {
    pub engineer: String,
    pub ends_at: String,
    pub escalation: Option<String>,
}

pub fn current_shift(db_url: &str, team: &str) -> Result<Option<Shift>> {
    let mut db = Client::connect(db_url, NoTls)?;
    let row = db.query_opt(
        "SELECT s.engineer, to_char(s.ends_at, 'Dy HH24:MI'), e.engineer \
         FROM shifts s \
         LEFT JOIN shifts e ON e.team = s.team AND e.tier = 2 \
              AND now() BETWEEN e.starts_at AND e.ends_at \
         WHERE s.team = $1 AND s.tier = 1 AND now() BETWEEN s.starts_at AND s.ends_at \
         LIMIT 1",
        &[&team],
    )?;
    Ok(row.map(|r| Shift {
        engineer: r.get(0),
        ends_at: r.get(1),
        escalation: r.get(2),
    }))
}

pub fn format_escalation(shift: &Shift) -> String {
    match &shift.escalation {
        Some(name) => format!("escalates to {}", name),
        None => "no tier-2 on shift".to_string(),
    }
}
