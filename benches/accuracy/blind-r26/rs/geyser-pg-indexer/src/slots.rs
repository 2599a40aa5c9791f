//! Slot progress table, used by the dashboards to show indexer lag.
use std::sync::LazyLock;

use agave_geyser_plugin_interface::geyser_plugin_interface::SlotStatus;
use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

static SLOT_POOL: LazyLock<Pool<PostgresConnectionManager<NoTls>>> = LazyLock::new(|| {
    let url = std::env::var("GEYSER_PG_URL")
        .unwrap_or_else(|_| "postgres://indexer@127.0.0.1:5432/solana_index".to_string());
    let manager = PostgresConnectionManager::new(url.parse().expect("bad GEYSER_PG_URL"), NoTls);
    Pool::builder()
        .max_size(4)
        .build(manager)
        .expect("slot pool")
});

fn status_label(status: &SlotStatus) -> &'static str {
    match status {
        SlotStatus::Processed => "processed",
        SlotStatus::Confirmed => "confirmed",
        SlotStatus::Rooted => "rooted",
        _ => "other",
    }
}

pub fn record(slot: u64, parent: Option<u64>, status: &SlotStatus) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let mut conn = SLOT_POOL.get()?;
    conn.execute(
        "INSERT INTO slots (slot, parent, status, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (slot) DO UPDATE SET status = EXCLUDED.status, updated_at = now()",
        &[&(slot as i64), &parent.map(|p| p as i64), &status_label(status)],
    )?;
    Ok(())
}
