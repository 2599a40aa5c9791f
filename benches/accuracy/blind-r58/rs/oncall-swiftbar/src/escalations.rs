//! Open customer escalations for my team, read from the support replica.

use anyhow::Result;
use postgres::{Client, NoTls};

#[derive(Debug, Default)]
pub struct Escalation {
    pub ticket_id: i64,
    pub subject: String,
    pub account: String,
}

pub fn open_for_my_team() -> Result<Vec<Escalation>> {
    let url = std::env::var("SUPPORT_REPLICA_URL")?;
    let team = std::env::var("ONCALL_TEAM").unwrap_or_else(|_| "platform".to_string());

    let mut client = Client::connect(&url, NoTls)?;
    let rows = client.query(
        "SELECT t.id, t.subject, a.name \
         FROM tickets t JOIN accounts a ON a.id = t.account_id \
         WHERE t.escalated AND t.status <> 'closed' AND t.owning_team = $1 \
         ORDER BY t.escalated_at DESC LIMIT 25",
        &[&team],
    )?;

    let escalations = rows
        .iter()
        .map(|row| Escalation {
            ticket_id: row.get(0),
            subject: row.get(1),
            account: row.get(2),
        })
        .collect();

    client.close()?;
    Ok(escalations)
}
