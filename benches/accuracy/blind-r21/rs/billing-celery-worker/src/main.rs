//! Rust worker for the billing Celery queues. The Django monolith still
//! produces the tasks; this binary consumes `billing` and `fx`.

mod clients;
mod tasks;

use celery::broker::RedisBroker;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let broker_url = std::env::var("CELERY_BROKER_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/0".into());

    let app = celery::app!(
        broker = RedisBroker { broker_url },
        tasks = [
            tasks::render_invoice,
            tasks::refresh_fx_rates,
            tasks::settle_invoice,
        ],
        task_routes = [
            "billing.fx.*" => "fx",
            "*" => "billing",
        ],
        prefetch_count = 8,
        heartbeat = Some(10),
        acks_late = true,
    )
    .await?;

    app.display_pretty().await;
    app.consume_from(&["billing", "fx"]).await?;
    app.close().await?;
    Ok(())
}
