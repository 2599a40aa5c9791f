//! Copies an account's recent ledger entries into the Databend warehouse
//! for the compliance team.

use databend_driver::Client;

pub async fn export(account: &str, entries: &[(i64, String, i64)]) -> anyhow::Result<usize> {
    let dsn = std::env::var("DATABEND_DSN")
        .unwrap_or_else(|_| "databend://ledger:ledger@warehouse:8000/compliance?sslmode=disable".into());
    let client = Client::new(dsn);
    let conn = client.get_conn().await?;
    for (seq, counterparty, cents) in entries {
        conn.exec(&format!(
            "INSERT INTO ledger_audit (account, seq, counterparty, cents) VALUES ('{}', {}, '{}', {})",
            account.replace('\'', "''"),
            seq,
            counterparty.replace('\'', "''"),
            cents
        ))
        .await?;
    }
    Ok(entries.len())
}
