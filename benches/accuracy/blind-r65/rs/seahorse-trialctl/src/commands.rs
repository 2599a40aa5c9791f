use std::time::Duration;

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use seahorse::Context;
use serde_json::Value;

use crate::db;

pub fn expire_trials(c: &Context) -> Result<()> {
    let days = c.int_flag("grace-days").unwrap_or(3);
    let dry_run = c.bool_flag("dry-run");
    let mut client = db::connect()?;

    let rows = client.query(
        "SELECT id, name FROM accounts
          WHERE plan = 'trial' AND trial_ends_at < now() - make_interval(days => $1)",
        &[&(days as i32)],
    )?;
    let mut tx = client.transaction()?;
    for row in &rows {
        let (id, name): (i64, String) = (row.get(0), row.get(1));
        println!("{} trial for #{id} {name}", if dry_run { "would expire" } else { "expiring" });
        if !dry_run {
            tx.execute("UPDATE accounts SET plan = 'expired', updated_at = now() WHERE id = $1", &[&id])?;
            tx.execute("INSERT INTO account_events (account_id, kind) VALUES ($1, 'trial_expired')", &[&id])?;
        }
    }
    tx.commit()?;
    println!("{} account(s)", rows.len());
    client.close()?;
    Ok(())
}

pub fn export_invoices(c: &Context) -> Result<()> {
    let month = c.string_flag("month").unwrap_or_else(|_| Utc::now().format("%Y-%m").to_string());
    let start = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")?;
    let out = c.args.first().cloned().unwrap_or_else(|| format!("invoices-{month}.csv"));
    let mut client = db::connect()?;

    let mut wtr = csv::Writer::from_path(&out)?;
    wtr.write_record(["invoice", "account", "issued_at", "total_cents", "currency"])?;
    for row in client.query(
        "SELECT number, account_id, issued_at, total_cents, currency FROM invoices
          WHERE issued_at >= $1 AND issued_at < ($1::date + interval '1 month') ORDER BY number",
        &[&start],
    )? {
        let issued: DateTime<Utc> = row.get(2);
        wtr.write_record([
            row.get::<_, String>(0),
            row.get::<_, i64>(1).to_string(),
            issued.to_rfc3339(),
            row.get::<_, i64>(3).to_string(),
            row.get::<_, String>(4),
        ])?;
    }
    wtr.flush()?;
    client.close()?;
    println!("wrote {out}");
    Ok(())
}

pub fn resend_webhooks(c: &Context) -> Result<()> {
    let limit = c.int_flag("limit").unwrap_or(500);
    let mut client = db::connect()?;
    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(10)).build();

    let failed = client.query(
        "SELECT d.id, e.url, d.payload FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
          WHERE d.status = 'failed' ORDER BY d.created_at LIMIT $1",
        &[&(limit as i64)],
    )?;
    let (mut ok, mut still_failing) = (0, 0);
    for row in &failed {
        let (id, url, payload): (i64, String, Value) = (row.get(0), row.get(1), row.get(2));
        let status = match agent.post(&url).set("X-Trialctl-Resend", "1").send_json(payload) {
            Ok(_) => {
                ok += 1;
                "delivered"
            }
            Err(e) => {
                eprintln!("delivery {id} to {url}: {e}");
                still_failing += 1;
                "failed"
            }
        };
        client.execute("UPDATE webhook_deliveries SET status = $2, attempts = attempts + 1 WHERE id = $1", &[&id, &status])?;
    }
    client.close()?;
    println!("{ok} delivered, {still_failing} still failing");
    Ok(())
}
