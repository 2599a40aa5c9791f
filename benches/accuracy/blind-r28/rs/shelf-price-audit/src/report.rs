use std::env;
use std::time::Duration;

use anyhow::Result;
use postgres::Client;
use serde_json::json;

pub struct Mismatch {
    pub sku: String,
    pub url: String,
    pub expected: i64,
    pub shown: i64,
}

/// Writes the audit run and its mismatches in one transaction.
pub fn store(db: &mut Client, category: &str, checked: usize, mismatches: &[Mismatch]) -> Result<i64> {
    let mut tx = db.transaction()?;
    let run_id: i64 = tx
        .query_one(
            "INSERT INTO price_audit_runs (category, checked, mismatches) VALUES ($1, $2, $3) RETURNING id",
            &[&category, &(checked as i32), &(mismatches.len() as i32)],
        )?
        .get(0);
    let stmt = tx.prepare(
        "INSERT INTO price_audit_findings (run_id, sku, url, expected_cents, shown_cents) VALUES ($1, $2, $3, $4, $5)",
    )?;
    for m in mismatches {
        tx.execute(&stmt, &[&run_id, &m.sku, &m.url, &m.expected, &m.shown])?;
    }
    tx.commit()?;
    Ok(run_id)
}

/// One message to the merchandising channel at the end of the run.
pub fn post_summary(category: &str, run_id: i64, checked: usize, mismatches: &[Mismatch]) -> Result<()> {
    let Ok(webhook) = env::var("MERCH_WEBHOOK") else { return Ok(()) };
    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(10)).build();
    let top: Vec<String> = mismatches
        .iter()
        .take(10)
        .map(|m| format!("{}: catalogue {} vs shelf {}", m.sku, m.expected, m.shown))
        .collect();
    agent.post(&webhook).send_json(json!({
        "text": format!(
            "Price audit #{} ({}): {} of {} pages disagree with the catalogue\n{}",
            run_id,
            category,
            mismatches.len(),
            checked,
            top.join("\n")
        )
    }))?;
    Ok(())
}
