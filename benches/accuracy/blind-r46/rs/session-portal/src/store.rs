//! Session records live in the shared Redis under our own key prefix, so the
//! ops team can flush portal sessions without touching the other apps.

use async_trait::async_trait;
use redis::aio::MultiplexedConnection;
use redis::AsyncCommands;
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

#[derive(Debug, Clone)]
pub struct RedisSessionStore {
    url: String,
    prefix: String,
}

fn backend<E: std::fmt::Display>(e: E) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

impl RedisSessionStore {
    pub fn new(url: impl Into<String>, prefix: impl Into<String>) -> Self {
        Self { url: url.into(), prefix: prefix.into() }
    }

    fn key(&self, id: &Id) -> String {
        format!("{}:{}", self.prefix, id)
    }

    async fn connect(&self) -> session_store::Result<MultiplexedConnection> {
        let client = redis::Client::open(self.url.as_str()).map_err(backend)?;
        client.get_multiplexed_async_connection().await.map_err(backend)
    }
}

#[async_trait]
impl SessionStore for RedisSessionStore {
    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let mut conn = self.connect().await?;
        let body = serde_json::to_string(record).map_err(|e| session_store::Error::Encode(e.to_string()))?;
        let ttl = (record.expiry_date - OffsetDateTime::now_utc()).whole_seconds().max(1) as u64;
        conn.set_ex::<_, _, ()>(self.key(&record.id), body, ttl)
            .await
            .map_err(backend)
    }

    async fn load(&self, session_id: &Id) -> session_store::Result<Option<Record>> {
        let mut conn = self.connect().await?;
        let raw: Option<String> = conn.get(self.key(session_id)).await.map_err(backend)?;
        raw.map(|s| serde_json::from_str(&s).map_err(|e| session_store::Error::Decode(e.to_string())))
            .transpose()
    }

    async fn delete(&self, session_id: &Id) -> session_store::Result<()> {
        let mut conn = self.connect().await?;
        conn.del::<_, ()>(self.key(session_id)).await.map_err(backend)
    }
}
