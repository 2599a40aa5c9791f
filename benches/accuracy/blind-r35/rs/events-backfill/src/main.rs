//! Usage: events-backfill --from 2024-01-01 --to 2024-07-01 [--batch 50000]
//!
//! Run once by hand (or from the migration job) when the events table was
//! moved to ClickHouse. Opens one Mongo client and one ClickHouse client,
//! streams the range in batches and exits.

use clickhouse::Row;
use futures_util::TryStreamExt;
use indicatif::{ProgressBar, ProgressStyle};
use mongodb::bson::{doc, DateTime};
use serde::{Deserialize, Serialize};

struct Args {
    from: String,
    to: String,
    batch: usize,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut pargs = pico_args::Arguments::from_env();
    Ok(Args {
        from: pargs.value_from_str("--from")?,
        to: pargs.value_from_str("--to")?,
        batch: pargs.opt_value_from_str("--batch")?.unwrap_or(50_000),
    })
}

#[derive(Deserialize)]
struct MongoEvent {
    session_id: String,
    path: String,
    ts: DateTime,
    country: Option<String>,
}

#[derive(Row, Serialize)]
struct ChEvent {
    session_id: String,
    path: String,
    ts_ms: i64,
    country: String,
}

fn day(s: &str) -> anyhow::Result<DateTime> {
    Ok(DateTime::parse_rfc3339_str(format!("{s}T00:00:00Z"))?)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = parse_args()?;

    let mongo = mongodb::Client::with_uri_str(std::env::var("MONGO_URI")?).await?;
    let events = mongo.database("analytics").collection::<MongoEvent>("click_events");
    let ch = clickhouse::Client::default()
        .with_url(std::env::var("CLICKHOUSE_URL")?)
        .with_user(std::env::var("CLICKHOUSE_USER").unwrap_or_else(|_| "default".into()))
        .with_password(std::env::var("CLICKHOUSE_PASSWORD").unwrap_or_default())
        .with_database("analytics");

    let filter = doc! { "ts": { "$gte": day(&args.from)?, "$lt": day(&args.to)? } };
    let total = events.count_documents(filter.clone()).await?;
    let bar = ProgressBar::new(total);
    bar.set_style(ProgressStyle::with_template("{bar:40} {pos}/{len} ({per_sec}, eta {eta})")?);

    let mut cursor = events.find(filter).batch_size(args.batch as u32).await?;
    let mut insert = ch.insert("click_events")?;
    let mut in_batch = 0usize;

    while let Some(ev) = cursor.try_next().await? {
        insert
            .write(&ChEvent {
                session_id: ev.session_id,
                path: ev.path,
                ts_ms: ev.ts.timestamp_millis(),
                country: ev.country.unwrap_or_default(),
            })
            .await?;
        in_batch += 1;
        bar.inc(1);
        if in_batch == args.batch {
            insert.end().await?;
            insert = ch.insert("click_events")?;
            in_batch = 0;
        }
    }
    insert.end().await?;
    bar.finish_with_message("done");

    mongo.shutdown().await;
    Ok(())
}
