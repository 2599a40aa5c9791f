use std::time::Duration;

use anyhow::Context;
use sqlx::postgres::PgPoolOptions;

mod org_example_warehouse;
mod service;

fn main() -> anyhow::Result<()> {
    let address = std::env::var("VARLINK_ADDRESS")
        .unwrap_or_else(|_| "unix:/run/warehouse/org.example.warehouse".to_owned());
    let db_url = std::env::var("DATABASE_URL").context("DATABASE_URL")?;

    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let pool = rt.block_on(
        PgPoolOptions::new()
            .max_connections(12)
            .acquire_timeout(Duration::from_secs(3))
            .connect(&db_url),
    )?;

    let warehouse = service::Warehouse::new(rt, pool);
    let interface = org_example_warehouse::new(Box::new(warehouse));
    let service = varlink::VarlinkService::new(
        "org.example",
        "Warehouse reservations",
        env!("CARGO_PKG_VERSION"),
        "https://git.example.org/logistics/varlink-warehouse",
        vec![Box::new(interface)],
    );

    varlink::listen(
        service,
        &address,
        &varlink::ListenConfig {
            idle_timeout: 0,
            max_worker_threads: 16,
            ..Default::default()
        },
    )
    .map_err(|e| anyhow::anyhow!("varlink listener stopped: {e:?}"))?;
    Ok(())
}
