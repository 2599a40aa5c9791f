use async_trait::async_trait;
use aws_config::BehaviorVersion;
use bb8::Pool;
use bb8_tiberius::ConnectionManager;
use libunftp::notification::{DataEvent, DataListener, EventMeta};
use tracing::{info, warn};

/// Registers every finished upload in the ERP inbox and fans it out on SNS.
#[derive(Debug)]
pub struct UploadListener {
    pool: Pool<ConnectionManager>,
    topic_arn: String,
}

impl UploadListener {
    pub async fn connect(conn_str: &str, topic_arn: String) -> anyhow::Result<Self> {
        let manager = ConnectionManager::build(conn_str)?;
        let pool = Pool::builder().max_size(10).min_idle(Some(2)).build(manager).await?;
        Ok(Self { pool, topic_arn })
    }

    async fn register(&self, user: &str, path: &str, bytes: u64) -> anyhow::Result<()> {
        let mut conn = self.pool.get().await?;
        conn.execute(
            "INSERT INTO edi_inbox (partner_login, file_path, size_bytes, status, received_at) \
             VALUES (@P1, @P2, @P3, 'RECEIVED', SYSUTCDATETIME())",
            &[&user, &path, &(bytes as i64)],
        )
        .await?;
        Ok(())
    }

    async fn announce(&self, user: &str, path: &str, bytes: u64) -> anyhow::Result<()> {
        let sdk_config = aws_config::load_defaults(BehaviorVersion::latest()).await;
        let sns = aws_sdk_sns::Client::new(&sdk_config);
        let body = serde_json::json!({ "partner": user, "path": path, "bytes": bytes });
        sns.publish()
            .topic_arn(&self.topic_arn)
            .message(body.to_string())
            .message_attributes(
                "partner",
                aws_sdk_sns::types::MessageAttributeValue::builder()
                    .data_type("String")
                    .string_value(user)
                    .build()?,
            )
            .send()
            .await?;
        Ok(())
    }
}

#[async_trait]
impl DataListener for UploadListener {
    async fn receive_data_event(&self, e: DataEvent, m: EventMeta) {
        if let DataEvent::Put { path, bytes } = e {
            info!(user = %m.username, %path, bytes, trace = %m.trace_id, "upload finished");
            if let Err(err) = self.register(&m.username, &path, bytes).await {
                warn!("could not register upload {path}: {err}");
                return;
            }
            if let Err(err) = self.announce(&m.username, &path, bytes).await {
                warn!("could not announce upload {path}: {err}");
            }
        }
    }
}
