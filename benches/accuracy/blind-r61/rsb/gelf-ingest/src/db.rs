//! Routing rules live in the `logrouter` Postgres database.

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::Row;

pub async fn connect() -> anyhow::Result<PgPool> {
    let url = std::env::var("LOGROUTER_DATABASE_URL")?;
    let pool = PgPoolOptions::new().max_connections(5).connect(&url).await?;
    Ok(pool)
}

pub struct RouteTable {
    rules: Vec<(String, String, String)>, // (field, value, index)
    default_index: String,
}

impl RouteTable {
    pub async fn load(pool: &PgPool) -> anyhow::Result<Self> {
        let rows = sqlx::query("SELECT field, value, target_index FROM gelf_routes ORDER BY priority")
            .fetch_all(pool)
            .await?;
        let rules = rows
            .iter()
            .map(|r| (r.get("field"), r.get("value"), r.get("target_index")))
            .collect();
        Ok(RouteTable { rules, default_index: "gelf-default".into() })
    }

    pub fn index_for(&self, msg: &serde_json::Value) -> String {
        for (field, value, index) in &self.rules {
            if msg.get(field).and_then(|v| v.as_str()) == Some(value.as_str()) {
                return index.clone();
            }
        }
        self.default_index.clone()
    }
}
