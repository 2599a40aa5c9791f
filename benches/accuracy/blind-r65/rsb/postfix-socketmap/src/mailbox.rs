use std::time::Duration;

use sqlx::mysql::{MySqlPool, MySqlPoolOptions};

/// virtual_mailbox_maps: address -> maildir path relative to virtual_mailbox_base.
pub struct Mailboxes {
    pool: MySqlPool,
}

impl Mailboxes {
    pub async fn connect(url: &str) -> Result<Self, sqlx::Error> {
        let pool = MySqlPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(2))
            .connect(url)
            .await?;
        Ok(Self { pool })
    }

    pub async fn lookup(&self, address: &str) -> Result<Option<String>, sqlx::Error> {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT CONCAT(d.name, '/', m.local_part, '/') \
               FROM mailbox m JOIN domain d ON d.id = m.domain_id \
              WHERE CONCAT(m.local_part, '@', d.name) = ? AND m.active = 1 AND d.active = 1",
        )
        .bind(address.to_ascii_lowercase())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.0))
    }
}
