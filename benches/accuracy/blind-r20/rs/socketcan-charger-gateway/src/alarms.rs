use std::sync::OnceLock;
use std::time::Duration;

use deadpool_postgres::{Pool, Runtime};
use serde_json::json;
use tokio_postgres::NoTls;

use crate::frames::Fault;
use crate::telemetry::db_config;

static ALARM_DB: OnceLock<Pool> = OnceLock::new();

fn alarm_db() -> &'static Pool {
    ALARM_DB.get_or_init(|| {
        db_config().create_pool(Some(Runtime::Tokio1), NoTls).expect("alarm pool")
    })
}

/// Runs once per fault frame received from a charger.
pub async fn raise(depot: &str, fault: Fault) -> anyhow::Result<()> {
    let client = alarm_db().get().await?;
    let first = client
        .execute(
            "INSERT INTO charger_faults (depot, charger, code, raised_at) VALUES ($1, $2, $3, now())
             ON CONFLICT (depot, charger, code) WHERE cleared_at IS NULL DO NOTHING",
            &[&depot, &(fault.charger as i16), &(fault.code as i32)],
        )
        .await?;
    if first == 0 {
        return Ok(()); // already open
    }

    let ops = reqwest::Client::builder().timeout(Duration::from_secs(3)).build()?;
    ops.post(std::env::var("OPS_WEBHOOK").unwrap_or_else(|_| "https://ops.acme.example/hooks/chargers".into()))
        .json(&json!({ "depot": depot, "charger": fault.charger, "code": fault.code }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}
