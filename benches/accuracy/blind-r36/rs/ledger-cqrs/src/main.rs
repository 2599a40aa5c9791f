mod domain;
mod queries;
mod webhooks;

use cqrs_es::Query;
use serde::Deserialize;
use sqlx::postgres::PgPoolOptions;
use tokio::io::{AsyncBufReadExt, BufReader};
use tracing::{error, info};

use domain::{Invoice, InvoiceCommand, InvoiceServices};
use queries::{AuditTrail, ReceivablesProjection, SettlementNotifier};

/// One line of the command feed written by the billing gateway.
#[derive(Debug, Deserialize)]
struct CommandLine {
    invoice_id: String,
    command: InvoiceCommand,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt().with_env_filter("info").init();

    let database_url = std::env::var("DATABASE_URL")?;
    let warehouse_url = std::env::var("WAREHOUSE_URL")?;

    let pool = PgPoolOptions::new().max_connections(80).connect(&database_url).await?;

    let queries: Vec<Box<dyn Query<Invoice>>> = vec![
        Box::new(AuditTrail { pool: pool.clone() }),
        Box::new(SettlementNotifier),
        Box::new(ReceivablesProjection { warehouse_url }),
    ];
    let cqrs = postgres_es::postgres_cqrs(pool.clone(), queries, InvoiceServices);

    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    while let Some(line) = lines.next_line().await? {
        if line.trim().is_empty() {
            continue;
        }
        let cmd: CommandLine = match serde_json::from_str(&line) {
            Ok(cmd) => cmd,
            Err(e) => {
                error!(error = %e, "bad command line");
                continue;
            }
        };
        match cqrs.execute(&cmd.invoice_id, cmd.command).await {
            Ok(()) => info!(invoice = %cmd.invoice_id, "command applied"),
            Err(e) => error!(invoice = %cmd.invoice_id, error = %e, "command rejected"),
        }
    }

    pool.close().await;
    Ok(())
}
