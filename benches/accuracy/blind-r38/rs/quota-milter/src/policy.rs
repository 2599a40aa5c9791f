use std::time::{Duration, SystemTime, UNIX_EPOCH};

use redis::aio::ConnectionManager;
use redis::AsyncCommands;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use crate::Envelope;

const DEFAULT_HOURLY_LIMIT: i64 = 500;
const STARTUP_ATTEMPTS: u32 = 10;

pub struct Policy {
    pool: PgPool,
    redis: ConnectionManager,
}

impl Policy {
    pub fn new(pool: PgPool, redis: ConnectionManager) -> Self {
        Self { pool, redis }
    }

    /// Counts one recipient against the sender's current hourly window.
    pub async fn within_quota(&self, sender: &str) -> anyhow::Result<bool> {
        let hour = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs() / 3600;
        let key = format!("milter:rate:{sender}:{hour}");

        let mut redis = self.redis.clone();
        let count: i64 = redis.incr(&key, 1).await?;
        let _: () = redis.expire(&key, 3600).await?;

        let limit: Option<i32> = sqlx::query_scalar("SELECT hourly_limit FROM sender_quotas WHERE sender = $1")
            .bind(sender)
            .fetch_optional(&self.pool)
            .await?;
        Ok(count <= limit.map(i64::from).unwrap_or(DEFAULT_HOURLY_LIMIT))
    }

    pub async fn record_delivery(&self, envelope: &Envelope) -> anyhow::Result<()> {
        let mut tx = self.pool.begin().await?;
        let message_id: i64 = sqlx::query_scalar(
            "INSERT INTO outbound_messages (sender, recipient_count, queued_at) VALUES ($1, $2, now()) RETURNING id",
        )
        .bind(&envelope.sender)
        .bind(envelope.recipients.len() as i32)
        .fetch_one(&mut *tx)
        .await?;
        for rcpt in &envelope.recipients {
            sqlx::query("INSERT INTO outbound_recipients (message_id, recipient) VALUES ($1, $2)")
                .bind(message_id)
                .bind(rcpt)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Start-up only: Postfix and the milter come up before the database on a
/// cold boot, so keep trying for a while and hand back the first good pool.
pub async fn connect_pg_with_retry(url: &str) -> anyhow::Result<PgPool> {
    for attempt in 1..=STARTUP_ATTEMPTS {
        match PgPoolOptions::new()
            .max_connections(12)
            .acquire_timeout(Duration::from_secs(3))
            .connect(url)
            .await
        {
            Ok(pool) => return Ok(pool),
            Err(err) => {
                eprintln!("postgres attempt {attempt}/{STARTUP_ATTEMPTS} failed: {err}");
                tokio::time::sleep(Duration::from_secs(2 * u64::from(attempt))).await;
            }
        }
    }
    anyhow::bail!("postgres unreachable after {STARTUP_ATTEMPTS} attempts")
}

pub async fn connect_redis_with_retry(url: &str) -> anyhow::Result<ConnectionManager> {
    let client = redis::Client::open(url)?;
    let mut attempt = 0;
    let manager = loop {
        attempt += 1;
        match ConnectionManager::new(client.clone()).await {
            Ok(manager) => break manager,
            Err(err) if attempt < STARTUP_ATTEMPTS => {
                eprintln!("redis attempt {attempt}/{STARTUP_ATTEMPTS} failed: {err}");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(err) => return Err(err.into()),
        }
    };
    Ok(manager)
}
