mod tasks;

use backie::{PgTaskStore, WorkerPool};
use diesel_async::pooled_connection::bb8::Pool;
use diesel_async::pooled_connection::AsyncDieselConnectionManager;
use diesel_async::AsyncPgConnection;

use tasks::{MailerContext, NotifyCrm, SendReceipt};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();
    let database_url = std::env::var("DATABASE_URL")?;

    let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new(database_url);
    let pool = Pool::builder().max_size(10).min_idle(Some(2)).build(manager).await?;

    let aws = aws_config::load_from_env().await;
    let ctx = MailerContext {
        pool: pool.clone(),
        ses: aws_sdk_sesv2::Client::new(&aws),
        http: reqwest::Client::builder().timeout(std::time::Duration::from_secs(10)).build()?,
        from: std::env::var("RECEIPT_FROM").unwrap_or_else(|_| "receipts@shop.example.com".into()),
    };

    let task_store = PgTaskStore::new(pool);
    let (stop_tx, mut stop_rx) = tokio::sync::watch::channel(false);

    // the closure only hands each queue a clone of the shared context
    let (join_handle, _queue) = WorkerPool::new(task_store, move |_| ctx.clone())
        .register_task_type::<SendReceipt>()
        .register_task_type::<NotifyCrm>()
        .configure_queue("default".into())
        .start(async move {
            let _ = stop_rx.changed().await;
        })
        .await?;

    tokio::signal::ctrl_c().await?;
    log::info!("shutting down workers");
    stop_tx.send(true)?;
    join_handle.await?;
    Ok(())
}
