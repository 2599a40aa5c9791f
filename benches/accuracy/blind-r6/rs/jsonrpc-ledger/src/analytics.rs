use clickhouse::Client;

pub fn client() -> Client {
    Client::default()
        .with_url(std::env::var("CLICKHOUSE_URL").unwrap_or_else(|_| "http://localhost:8123".into()))
        .with_user(std::env::var("CLICKHOUSE_USER").unwrap_or_else(|_| "default".into()))
        .with_database("ledger")
}

#[derive(Debug, Clone, clickhouse::Row, serde::Deserialize, serde::Serialize)]
pub struct DailyTotal {
    pub day: String,
    pub credits: i64,
    pub debits: i64,
}
