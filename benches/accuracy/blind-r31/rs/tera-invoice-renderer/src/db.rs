//! Outbox access for the renderer. One connection, opened at start-up.

use postgres::{Client, NoTls};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct PendingInvoice {
    pub id: i64,
    pub customer_id: i64,
    pub currency: String,
    pub total_cents: i64,
    pub lines: serde_json::Value,
}

pub fn connect() -> anyhow::Result<Client> {
    let url = std::env::var("DATABASE_URL")?;
    let client = Client::connect(&url, NoTls)?;
    Ok(client)
}

pub fn next_batch(client: &mut Client, limit: i64) -> anyhow::Result<Vec<PendingInvoice>> {
    let rows = client.query(
        "SELECT id, customer_id, currency, total_cents, lines
           FROM invoice_outbox
          WHERE rendered_at IS NULL
          ORDER BY id
          LIMIT $1",
        &[&limit],
    )?;
    Ok(rows
        .iter()
        .map(|r| PendingInvoice {
            id: r.get(0),
            customer_id: r.get(1),
            currency: r.get(2),
            total_cents: r.get(3),
            lines: r.get(4),
        })
        .collect())
}

pub fn mark_rendered(client: &mut Client, id: i64, html: &str) -> anyhow::Result<()> {
    client.execute(
        "UPDATE invoice_outbox SET rendered_at = now(), html = $2 WHERE id = $1",
        &[&id, &html],
    )?;
    Ok(())
}
