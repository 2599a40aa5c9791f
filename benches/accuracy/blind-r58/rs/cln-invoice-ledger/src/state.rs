use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Result};
use serde_json::Value;
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::Postgres;
use tokio::sync::Mutex;

/// Plugin state handed to every handler by cln-plugin (cloned per call).
#[derive(Clone)]
pub struct LedgerState {
    pub pool: PgPool,
    pub accounting_url: String,
    /// peer node id -> the connection its `peer_sessions` row was opened on,
    /// so the disconnect update lands in the same backend session.
    pub peer_sessions: Arc<Mutex<HashMap<String, PoolConnection<Postgres>>>>,
}

impl LedgerState {
    pub async fn connect(database_url: &str, accounting_url: String) -> Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(5))
            .connect(database_url)
            .await?;

        Ok(Self {
            pool,
            accounting_url,
            peer_sessions: Arc::new(Mutex::new(HashMap::new())),
        })
    }
}

/// lightningd reports amounts either as `12345msat` strings or plain integers
/// depending on the version / `allow-deprecated-apis`.
pub fn parse_msat(value: &Value) -> Result<u64> {
    match value {
        Value::Number(n) => n.as_u64().ok_or_else(|| anyhow::anyhow!("negative msat")),
        Value::String(s) => {
            let digits = s.strip_suffix("msat").unwrap_or(s);
            Ok(digits.parse()?)
        }
        other => bail!("unexpected msat value {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_msat;
    use serde_json::json;

    #[test]
    fn msat_formats() {
        assert_eq!(parse_msat(&json!("21000msat")).unwrap(), 21_000);
        assert_eq!(parse_msat(&json!(42)).unwrap(), 42);
        assert!(parse_msat(&json!(null)).is_err());
    }
}
