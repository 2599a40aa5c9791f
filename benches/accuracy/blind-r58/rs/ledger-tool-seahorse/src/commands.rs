use std::collections::HashSet;
use std::process;
use std::time::Duration;

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use futures::TryStreamExt;
use seahorse::Context;
use serde::Deserialize;
use sqlx::postgres::{PgPool, PgPoolOptions};

async fn connect() -> Result<PgPool> {
    let url = std::env::var("LEDGER_DATABASE_URL").context("LEDGER_DATABASE_URL")?;
    Ok(PgPoolOptions::new().max_connections(2).connect(&url).await?)
}

fn run<F: std::future::Future<Output = Result<()>>>(fut: F) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    if let Err(err) = rt.block_on(fut) {
        eprintln!("error: {err:#}");
        process::exit(1);
    }
}

#[derive(Debug, Deserialize)]
struct SettlementPage {
    items: Vec<Settlement>,
    next_cursor: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Settlement {
    id: String,
    amount_cents: i64,
    currency: String,
}

pub fn reconcile_action(c: &Context) {
    let date = c.string_flag("date").unwrap_or_else(|_| {
        eprintln!("--date is required");
        process::exit(2)
    });
    let fix = c.bool_flag("fix");
    run(reconcile(date, fix));
}

async fn reconcile(date: String, fix: bool) -> Result<()> {
    let day = NaiveDate::parse_from_str(&date, "%Y-%m-%d")?;
    let pool = connect().await?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()?;
    let psp = std::env::var("PSP_BASE_URL")?;
    let key = std::env::var("PSP_API_KEY")?;

    let booked: HashSet<String> = sqlx::query_scalar(
        "SELECT external_id FROM ledger_entries WHERE source = 'psp' AND booked_on = $1",
    )
    .bind(day)
    .fetch_all(&pool)
    .await?
    .into_iter()
    .collect();

    let mut cursor: Option<String> = None;
    let mut missing = 0usize;
    loop {
        let mut req = http
            .get(format!("{psp}/v1/settlements"))
            .bearer_auth(&key)
            .query(&[("date", date.as_str())]);
        if let Some(c) = &cursor {
            req = req.query(&[("cursor", c.as_str())]);
        }
        let page: SettlementPage = req.send().await?.error_for_status()?.json().await?;

        for s in page.items.iter().filter(|s| !booked.contains(&s.id)) {
            missing += 1;
            println!("missing {} {} {}", s.id, s.amount_cents, s.currency);
            if fix {
                sqlx::query(
                    "INSERT INTO ledger_entries (source, external_id, amount_cents, currency, booked_on) \
                     VALUES ('psp', $1, $2, $3, $4)",
                )
                .bind(&s.id)
                .bind(s.amount_cents)
                .bind(&s.currency)
                .bind(day)
                .execute(&pool)
                .await?;
            }
        }

        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }

    println!("{missing} settlement(s) missing from the ledger on {day}");
    pool.close().await;
    Ok(())
}

pub fn export_action(c: &Context) {
    let month = c.string_flag("month").unwrap_or_else(|_| {
        eprintln!("--month is required");
        process::exit(2)
    });
    let out = c.string_flag("out").unwrap_or_else(|_| format!("ledger-{month}.csv"));
    run(export(month, out));
}

async fn export(month: String, out: String) -> Result<()> {
    let start = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")?;
    let pool = connect().await?;
    let mut writer = csv::Writer::from_path(&out)?;
    writer.write_record(["external_id", "source", "amount_cents", "currency", "booked_on"])?;

    let mut rows = sqlx::query_as::<_, (String, String, i64, String, NaiveDate)>(
        "SELECT external_id, source, amount_cents, currency, booked_on FROM ledger_entries \
         WHERE booked_on >= $1 AND booked_on < ($1::date + interval '1 month') ORDER BY booked_on, id",
    )
    .bind(start)
    .fetch(&pool);

    let mut count = 0u64;
    while let Some((id, source, amount, currency, booked_on)) = rows.try_next().await? {
        writer.write_record([id, source, amount.to_string(), currency, booked_on.to_string()])?;
        count += 1;
    }
    drop(rows);
    writer.flush()?;

    println!("wrote {count} rows to {out}");
    pool.close().await;
    Ok(())
}
