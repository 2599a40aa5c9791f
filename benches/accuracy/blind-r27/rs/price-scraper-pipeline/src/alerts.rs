//! Undercut detection: compares the latest competitor observations with our
//! own list price and files alerts for the pricing team's queue.

use std::sync::OnceLock;

use deadpool_postgres::{Config, Pool, Runtime};
use tokio_postgres::NoTls;

use crate::db::database_url;

static ALERT_POOL: OnceLock<Pool> = OnceLock::new();

fn alert_pool() -> &'static Pool {
    ALERT_POOL.get_or_init(|| {
        let mut cfg = Config::new();
        cfg.url = Some(database_url());
        cfg.create_pool(Some(Runtime::Tokio1), NoTls)
            .expect("alert pool")
    })
}

pub async fn check_undercuts(round: u64) -> anyhow::Result<()> {
    let client = alert_pool().get().await?;
    let undercuts = client
        .query(
            "SELECT o.sku, o.price_cents, p.list_price_cents
               FROM latest_observations o
               JOIN our_prices p USING (sku)
              WHERE o.price_cents < p.list_price_cents * 0.95
                AND NOT EXISTS (SELECT 1 FROM undercut_alerts a
                                 WHERE a.sku = o.sku AND a.created_at > now() - interval '1 day')",
            &[],
        )
        .await?;

    for row in &undercuts {
        let sku: String = row.get(0);
        let theirs: i64 = row.get(1);
        let ours: i64 = row.get(2);
        client
            .execute(
                "INSERT INTO undercut_alerts (sku, their_price_cents, our_price_cents, round, created_at)
                 VALUES ($1, $2, $3, $4, now())",
                &[&sku, &theirs, &ours, &(round as i64)],
            )
            .await?;
    }
    if !undercuts.is_empty() {
        println!("round {round}: {} new undercut alerts", undercuts.len());
    }
    Ok(())
}
