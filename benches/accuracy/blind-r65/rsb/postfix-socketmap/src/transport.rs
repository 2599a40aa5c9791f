use std::time::Duration;

use sqlx::mysql::{MySqlPool, MySqlPoolOptions};

/// transport_maps: recipient domain -> "lmtp:unix:private/dovecot-lmtp" or a relay.
pub struct Transports {
    db: MySqlPool,
}

impl Transports {
    pub async fn open(mail_db_url: &str) -> anyhow::Result<Self> {
        let db = MySqlPoolOptions::new()
            .max_connections(4)
            .idle_timeout(Duration::from_secs(300))
            .connect(mail_db_url)
            .await?;
        Ok(Self { db })
    }

    pub async fn lookup(&self, key: &str) -> anyhow::Result<Option<String>> {
        let domain = key.rsplit('@').next().unwrap_or(key).to_ascii_lowercase();
        let transport: Option<String> = sqlx::query_scalar(
            "SELECT transport FROM domain WHERE name = ? AND active = 1",
        )
        .bind(&domain)
        .fetch_optional(&self.db)
        .await?;
        Ok(transport)
    }
}
