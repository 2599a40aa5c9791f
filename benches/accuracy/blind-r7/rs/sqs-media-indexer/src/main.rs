mod audit;
mod db;
mod worker;

use aws_config::BehaviorVersion;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let queue_url = std::env::var("UPLOAD_QUEUE_URL")?;
    let config = aws_config::load_defaults(BehaviorVersion::latest()).await;
    let sqs = aws_sdk_sqs::Client::new(&config);

    let pool = db::create_pool()?;
    let audit = audit::AuditLog::new()?;

    tracing::info!(%queue_url, "polling upload queue");
    loop {
        let resp = sqs
            .receive_message()
            .queue_url(&queue_url)
            .max_number_of_messages(10)
            .wait_time_seconds(20)
            .send()
            .await?;

        for msg in resp.messages() {
            match worker::handle(&pool, msg).await {
                Ok(key) => {
                    audit.record("media.indexed", &key).await?;
                    if let Some(handle) = msg.receipt_handle() {
                        sqs.delete_message()
                            .queue_url(&queue_url)
                            .receipt_handle(handle)
                            .send()
                            .await?;
                    }
                }
                Err(e) => tracing::warn!(error = %e, "indexing failed, leaving message for redelivery"),
            }
        }
    }
}
