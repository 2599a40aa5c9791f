//! `ach-import /srv/sftp/bank/inbound/ACH_20240611_0700.txt [--dry-run]`
//!
//! Started once per file by the `ach-inbound.path` systemd unit when the
//! bank's SFTP drop deposits a new file; also run by hand to re-import.
//! One database connection for the whole run, closed before exiting.
mod nacha;

use std::time::Duration;

use anyhow::{bail, Context};
use postgres::{Client, NoTls};
use sha2::{Digest, Sha256};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args.next().context("usage: ach-import <file> [--dry-run]")?;
    let dry_run = args.any(|a| a == "--dry-run");

    let raw = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
    let file = nacha::parse(&raw)?;
    file.check_totals()?;
    let digest = hex::encode(Sha256::digest(raw.as_bytes()));

    println!(
        "{path}: {} batches, {} entries, debits {} credits {}",
        file.batches.len(),
        file.entry_count(),
        cents(file.total_debit),
        cents(file.total_credit)
    );
    if dry_run {
        return Ok(());
    }

    let db_url = std::env::var("TREASURY_DB_URL").context("TREASURY_DB_URL")?;
    let mut db = Client::connect(&db_url, NoTls)?;
    let imported = import(&mut db, &file, &path, &digest);
    db.close()?;
    let entries = imported?;

    if let Ok(hook) = std::env::var("TREASURY_SLACK_WEBHOOK") {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()?;
        let text = format!(
            "ACH file from {} imported: {entries} entries, debits {}, credits {}",
            file.origin_name,
            cents(file.total_debit),
            cents(file.total_credit)
        );
        http.post(hook).json(&serde_json::json!({ "text": text })).send()?.error_for_status()?;
    }
    Ok(())
}

fn cents(v: i64) -> String {
    format!("${}.{:02}", v / 100, v % 100)
}

fn import(db: &mut Client, file: &nacha::File, path: &str, digest: &str) -> anyhow::Result<usize> {
    let mut tx = db.transaction()?;
    let already = tx.query_opt("SELECT id FROM ach_file WHERE sha256 = $1", &[&digest])?;
    if already.is_some() {
        bail!("{path} was already imported (sha256 {digest})");
    }
    let file_id: i64 = tx
        .query_one(
            "INSERT INTO ach_file (sha256, path, origin, destination, created_on, batch_count)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            &[&digest, &path, &file.origin, &file.destination, &file.created_on, &(file.batches.len() as i32)],
        )?
        .get(0);

    let insert = tx.prepare(
        "INSERT INTO ach_entry (file_id, batch_number, sec_code, company_id, transaction_code,
                                routing, account, amount_cents, individual_id, individual_name,
                                trace_number, addenda)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )?;
    let mut n = 0;
    for batch in &file.batches {
        for e in &batch.entries {
            tx.execute(
                &insert,
                &[
                    &file_id,
                    &batch.number,
                    &batch.sec_code,
                    &batch.company_id,
                    &e.transaction_code,
                    &e.routing,
                    &e.account,
                    &e.amount,
                    &e.individual_id,
                    &e.individual_name,
                    &e.trace,
                    &e.addenda,
                ],
            )?;
            n += 1;
        }
    }
    tx.commit()?;
    Ok(n)
}
