use std::time::Duration;

use redis::aio::ConnectionManager;
use redis::AsyncCommands;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use crate::parse::{status_class, AccessEntry};

pub struct Sinks {
    redis: ConnectionManager,
    db: PgPool,
}

impl Sinks {
    pub async fn connect(redis_url: &str, database_url: &str) -> anyhow::Result<Sinks> {
        let client = redis::Client::open(redis_url)?;
        let redis = ConnectionManager::new(client).await?;
        let db = PgPoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(5))
            .connect(database_url)
            .await?;
        Ok(Sinks { redis, db })
    }

    /// Per-site, per-minute status counters for the customer dashboards.
    pub async fn count(&self, site: &str, entry: &AccessEntry) {
        let minute = entry.time.get(0..16).unwrap_or("unknown");
        let key = format!("edge:{site}:{minute}");
        let mut redis = self.redis.clone();
        let res: redis::RedisResult<()> = redis::pipe()
            .hincr(&key, status_class(entry.status), 1)
            .hincr(&key, "bytes", entry.body_bytes_sent)
            .expire(&key, 3 * 24 * 3600)
            .query_async(&mut redis)
            .await;
        if let Err(e) = res {
            eprintln!("edge-watch: redis count failed for {site}: {e}");
        }
    }

    pub async fn record_incident(&self, site: &str, entry: &AccessEntry) {
        let res = sqlx::query(
            "INSERT INTO edge_incidents (site, status, method, uri, upstream, request_time, seen_at) \
             VALUES ($1, $2, $3, $4, $5, $6, now())",
        )
        .bind(site)
        .bind(i32::from(entry.status))
        .bind(&entry.request_method)
        .bind(&entry.uri)
        .bind(entry.upstream_addr.as_deref())
        .bind(entry.request_time)
        .execute(&self.db)
        .await;
        if let Err(e) = res {
            eprintln!("edge-watch: incident insert failed for {site}: {e}");
        }
        let mut redis = self.redis.clone();
        let _: redis::RedisResult<i64> = redis.incr(format!("edge:{site}:incidents"), 1).await;
    }

    pub async fn close(self) {
        self.db.close().await;
    }
}
