use std::sync::OnceLock;

use clickhouse::{Client, Row};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
pub struct RawEvent {
    pub session_id: String,
    pub path: String,
    pub ip: String,
    pub ts_ms: i64,
}

#[derive(Row, Serialize)]
pub struct EventRow {
    session_id: String,
    path: String,
    country: String,
    ts_ms: i64,
}

impl EventRow {
    pub fn from_raw(raw: RawEvent, country: String) -> Self {
        Self {
            session_id: raw.session_id,
            path: raw.path,
            country,
            ts_ms: raw.ts_ms,
        }
    }
}

static CLICKHOUSE: OnceLock<Client> = OnceLock::new();

/// Shared ClickHouse client; the first caller builds it, everyone else reuses it.
pub fn client() -> &'static Client {
    CLICKHOUSE.get_or_init(|| {
        Client::default()
            .with_url(std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://localhost:8123".into()))
            .with_user(std::env::var("CLICKHOUSE_USER").unwrap_or_else(|_| "default".into()))
            .with_password(std::env::var("CLICKHOUSE_PASSWORD").unwrap_or_default())
            .with_database("analytics")
    })
}
