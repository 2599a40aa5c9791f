mod handler;
mod inventory;

use std::time::Duration;

use async_tftp::server::TftpServerBuilder;
use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::handler::ConfigHandler;

async fn connect_inventory(url: &str) -> anyhow::Result<PgPool> {
    let mut attempt = 0;
    let pool = loop {
        attempt += 1;
        match PgPoolOptions::new()
            .max_connections(6)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
        {
            Ok(pool) => break pool,
            Err(err) if attempt < 12 => {
                log::warn!("inventory db not reachable (attempt {attempt}): {err}");
                async_std::task::sleep(Duration::from_secs(5)).await;
            }
            Err(err) => return Err(err.into()),
        }
    };
    Ok(pool)
}

#[async_std::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let url = std::env::var("INVENTORY_DATABASE_URL")?;
    let pool = connect_inventory(&url).await?;

    let handler = ConfigHandler::new(pool.clone());
    let tftpd = TftpServerBuilder::with_handler(handler)
        .bind("0.0.0.0:69".parse()?)
        .timeout(Duration::from_secs(3))
        .build()
        .await?;

    log::info!("pxe-config listening on udp/69");
    let result = tftpd.serve().await;
    pool.close().await;
    result.map_err(Into::into)
}
