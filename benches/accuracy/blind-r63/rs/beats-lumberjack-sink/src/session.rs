use std::sync::Arc;

use anyhow::Result;
use sqlx::PgPool;
use tokio::io::BufReader;
use tokio::net::TcpStream;

use crate::{alerts, protocol, registry};

/// One beat connection; loops over windows until the beat disconnects.
pub async fn serve(stream: TcpStream, pool: PgPool, alerting: Arc<alerts::AlertConfig>) -> Result<()> {
    let (rd, mut wr) = stream.into_split();
    let mut rd = BufReader::new(rd);
    let mut agent: Option<String> = None;

    loop {
        let window = protocol::read_window(&mut rd).await?;
        let Some(last) = window.last().map(|e| e.seq) else { continue };

        if agent.is_none() {
            let host = window[0].doc["agent"]["hostname"]
                .as_str()
                .or_else(|| window[0].doc["host"]["name"].as_str())
                .unwrap_or("unknown")
                .to_string();
            registry::check_in(&pool, &host).await?;
            agent = Some(host);
        }
        let host = agent.as_deref().unwrap_or("unknown");

        let mut tx = pool.begin().await?;
        for event in &window {
            sqlx::query(
                "INSERT INTO log_events (agent, ts, service, level, message, doc) \
                 VALUES ($1, COALESCE(($2)::timestamptz, now()), $3, $4, $5, $6)",
            )
            .bind(host)
            .bind(event.doc["@timestamp"].as_str())
            .bind(event.doc["service"]["name"].as_str())
            .bind(event.doc["log"]["level"].as_str())
            .bind(event.doc["message"].as_str())
            .bind(&event.doc)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        registry::touch(host, window.len() as i64).await?;

        let errors: Vec<_> = window
            .iter()
            .filter(|e| e.doc["log"]["level"].as_str() == Some("error"))
            .filter(|e| alerting.watches(e.doc["service"]["name"].as_str().unwrap_or("")))
            .collect();
        if !errors.is_empty() {
            if let Err(err) = alerts::forward(&alerting, host, &errors).await {
                tracing::warn!(error = %err, "alertmanager push failed");
            }
        }

        protocol::ack(&mut wr, last).await?;
    }
}
