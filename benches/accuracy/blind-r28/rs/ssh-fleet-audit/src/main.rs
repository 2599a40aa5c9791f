mod notify;
mod probe;
mod store;

use std::env;
use std::time::Duration;

use futures::stream::{self, StreamExt};
use sqlx::postgres::PgPoolOptions;
use tokio::time::{interval, MissedTickBehavior};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db_url = env::var("INVENTORY_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://inventory:inventory@inventory-db:5432/inventory".to_string());
    let pool = PgPoolOptions::new()
        .max_connections(6)
        .acquire_timeout(Duration::from_secs(10))
        .connect(&db_url)
        .await?;
    let webhook = env::var("DRIFT_WEBHOOK").unwrap_or_default();

    let mut ticker = interval(Duration::from_secs(15 * 60));
    ticker.set_missed_tick_behavior(MissedTickBehavior::Skip);

    loop {
        ticker.tick().await;
        let hosts = match store::active_hosts(&pool).await {
            Ok(hosts) => hosts,
            Err(err) => {
                eprintln!("could not load host list: {}", err);
                continue;
            }
        };
        let run_id = store::start_run(&pool, hosts.len() as i32).await?;

        let results: Vec<(String, bool)> = stream::iter(hosts)
            .map(|host| {
                let pool = pool.clone();
                let webhook = webhook.clone();
                async move {
                    let report = match probe::probe_host(&host).await {
                        Ok(report) => report,
                        Err(err) => {
                            eprintln!("{}: ssh probe failed: {}", host, err);
                            return (host, false);
                        }
                    };
                    let drift = match store::save_report(&pool, run_id, &report).await {
                        Ok(drift) => drift,
                        Err(err) => {
                            eprintln!("{}: could not store inventory: {}", host, err);
                            return (host, false);
                        }
                    };
                    if !drift.is_empty() && !webhook.is_empty() {
                        if let Err(err) = notify::drift_alert(&webhook, &host, &drift).await {
                            eprintln!("{}: drift alert failed: {}", host, err);
                        }
                    }
                    (host, true)
                }
            })
            .buffer_unordered(8)
            .collect()
            .await;

        let ok = results.iter().filter(|(_, ok)| *ok).count() as i32;
        store::finish_run(&pool, run_id, ok).await?;
        println!("audit run {} finished: {}/{} hosts", run_id, ok, results.len());
    }
}
