mod catalog;
mod imports;
mod reports;

use std::time::Duration;

use saphir::prelude::*;
use sqlx::postgres::PgPoolOptions;

use crate::catalog::CatalogController;
use crate::imports::ImportController;
use crate::reports::ReportController;

#[tokio::main]
async fn main() -> Result<(), SaphirError> {
    env_logger::init();

    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let replica_url =
        std::env::var("REPLICA_DATABASE_URL").unwrap_or_else(|_| database_url.clone());
    let partner_webhook = std::env::var("PARTNER_WEBHOOK_URL").ok();
    let bind = std::env::var("BIND_ADDR").unwrap_or_else(|_| "0.0.0.0:8080".to_string());

    // Built once and cloned into every controller. Sized for the Black Friday
    // import spike (see ops ticket CAT-311).
    let pool = PgPoolOptions::new()
        .max_connections(120)
        .min_connections(10)
        .acquire_timeout(Duration::from_secs(5))
        .idle_timeout(Duration::from_secs(300))
        .connect(&database_url)
        .await
        .expect("could not connect to postgres");

    sqlx::query("SELECT 1")
        .execute(&pool)
        .await
        .expect("postgres health check failed");
    log::info!("catalog-api listening on {bind}");

    let server = Server::builder()
        .configure_listener(|l| l.interface(&bind).server_name("catalog-api"))
        .configure_router(|r| {
            r.controller(CatalogController::new(pool.clone()))
                .controller(ImportController::new(pool.clone()))
                .controller(ReportController::new(replica_url.clone(), partner_webhook.clone()))
        })
        .build();

    server.run().await
}
