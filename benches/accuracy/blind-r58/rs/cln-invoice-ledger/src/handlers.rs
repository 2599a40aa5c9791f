use std::time::Duration;

use anyhow::{Context, Result};
use cln_plugin::Plugin;
use serde_json::{json, Value};
use sqlx::Row;

use crate::state::{parse_msat, LedgerState};

/// `invoice_payment` notification: one call per settled invoice.
pub async fn on_invoice_payment(p: Plugin<LedgerState>, v: Value) -> Result<()> {
    let payment = v.get("invoice_payment").unwrap_or(&v);
    let label = payment["label"].as_str().context("invoice without label")?;
    let preimage = payment["preimage"].as_str().unwrap_or_default();
    let amount_msat = parse_msat(&payment["msat"])?;
    let state = p.state();

    sqlx::query(
        "INSERT INTO ln_settlements (label, preimage, amount_msat, settled_at) \
         VALUES ($1, $2, $3, now()) ON CONFLICT (preimage) DO NOTHING",
    )
    .bind(label)
    .bind(preimage)
    .bind(amount_msat as i64)
    .execute(&state.pool)
    .await?;

    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;
    http.post(&state.accounting_url)
        .json(&json!({
            "source": "lightning",
            "reference": label,
            "amount_msat": amount_msat,
        }))
        .send()
        .await?
        .error_for_status()?;

    log::info!("settled {label}: {amount_msat} msat");
    Ok(())
}

/// `connect` notification: one call per peer connection.
pub async fn on_peer_connect(p: Plugin<LedgerState>, v: Value) -> Result<()> {
    let event = v.get("connect").unwrap_or(&v);
    let peer_id = event["id"].as_str().context("connect without id")?.to_string();
    let direction = event["direction"].as_str().unwrap_or("unknown");
    let state = p.state();

    let mut conn = state.pool.acquire().await?;
    sqlx::query(
        "INSERT INTO peer_sessions (peer_id, direction, connected_at) VALUES ($1, $2, now())",
    )
    .bind(&peer_id)
    .bind(direction)
    .execute(&mut *conn)
    .await?;

    state.peer_sessions.lock().await.insert(peer_id, conn);
    Ok(())
}

/// `disconnect` notification: closes the session row opened on connect.
pub async fn on_peer_disconnect(p: Plugin<LedgerState>, v: Value) -> Result<()> {
    let event = v.get("disconnect").unwrap_or(&v);
    let peer_id = event["id"].as_str().context("disconnect without id")?;
    let state = p.state();

    let held = state.peer_sessions.lock().await.remove(peer_id);
    let query = sqlx::query(
        "UPDATE peer_sessions SET disconnected_at = now() \
         WHERE peer_id = $1 AND disconnected_at IS NULL",
    )
    .bind(peer_id);

    match held {
        Some(mut conn) => query.execute(&mut *conn).await?,
        None => query.execute(&state.pool).await?,
    };
    Ok(())
}

/// `lightning-cli ledger-summary 2024-06-01`
pub async fn ledger_summary(p: Plugin<LedgerState>, v: Value) -> Result<Value> {
    let since = match &v {
        Value::Array(args) => args.first().and_then(Value::as_str).map(str::to_owned),
        Value::Object(map) => map.get("since").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    }
    .unwrap_or_else(|| chrono::Utc::now().format("%Y-%m-%d").to_string());

    let rows = sqlx::query(
        "SELECT split_part(label, ':', 1) AS prefix, sum(amount_msat)::bigint AS total \
         FROM ln_settlements WHERE settled_at >= $1::date GROUP BY 1 ORDER BY 2 DESC",
    )
    .bind(&since)
    .fetch_all(&p.state().pool)
    .await?;

    let totals: Vec<Value> = rows
        .iter()
        .map(|r| json!({ "prefix": r.get::<String, _>("prefix"), "msat": r.get::<i64, _>("total") }))
        .collect();
    Ok(json!({ "since": since, "totals": totals }))
}

/// `lightning-cli ledger-peers`
pub async fn ledger_peers(p: Plugin<LedgerState>, _v: Value) -> Result<Value> {
    let peers: Vec<String> = p.state().peer_sessions.lock().await.keys().cloned().collect();
    Ok(json!({ "count": peers.len(), "peers": peers }))
}
