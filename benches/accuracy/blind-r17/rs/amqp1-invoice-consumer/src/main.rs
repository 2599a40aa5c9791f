mod db;
mod handler;

use std::time::Duration;

use fe2o3_amqp::{Connection, Delivery, Receiver, Session};
use tracing::{error, info, warn};

use handler::InvoiceHandler;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::connect_with_retry(&std::env::var("DATABASE_URL")?).await?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;
    let handler = InvoiceHandler::new(pool.clone(), http, std::env::var("LEDGER_URL")?);

    let broker = std::env::var("AMQP_URL").unwrap_or_else(|_| "amqp://guest:guest@localhost:5672".into());
    let mut connection = {
        let mut attempt = 0;
        loop {
            attempt += 1;
            match Connection::open("invoice-consumer", broker.as_str()).await {
                Ok(c) => break c,
                Err(e) if attempt < 20 => {
                    warn!(attempt, "broker not reachable: {e}");
                    tokio::time::sleep(Duration::from_secs(3)).await;
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    let mut session = Session::begin(&mut connection).await?;
    let mut receiver = Receiver::attach(&mut session, "invoice-consumer-rx", "billing.invoices").await?;
    info!("consuming billing.invoices");

    loop {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => break,
            recv = receiver.recv::<String>() => {
                let delivery: Delivery<String> = recv?;
                let outcome = match handler.handle(delivery.body()).await {
                    Ok(()) => receiver.accept(&delivery).await,
                    Err(e) => {
                        error!("invoice rejected: {e:#}");
                        receiver.reject(&delivery, None).await
                    }
                };
                if let Err(e) = outcome {
                    warn!("settlement failed: {e}");
                }
            }
        }
    }

    receiver.close().await?;
    session.end().await?;
    connection.close().await?;
    pool.close().await;
    Ok(())
}
