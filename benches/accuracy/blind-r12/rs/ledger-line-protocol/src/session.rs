use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::anyhow;
use futures::{SinkExt, StreamExt};
use serde::Deserialize;
use sqlx::{PgPool, Postgres, Transaction};
use tokio::net::TcpStream;
use tokio::sync::Mutex;
use tokio_util::codec::{Framed, LinesCodec};

use crate::audit::AuditLog;

/// Batches are keyed by the client-chosen batch id rather than by connection,
/// so a client that reconnects mid-batch can keep posting into it.
pub type OpenBatches = Arc<Mutex<HashMap<String, Transaction<'static, Postgres>>>>;

pub struct Shared {
    pub pool: PgPool,
    pub audit: AuditLog,
    pub open: OpenBatches,
    pub fx_url: String,
}

#[derive(Deserialize)]
struct FxQuote {
    rate: f64,
}

pub async fn serve(stream: TcpStream, peer: SocketAddr, shared: Arc<Shared>) -> anyhow::Result<()> {
    let mut framed = Framed::new(stream, LinesCodec::new_with_max_length(4096));
    framed.send("LEDGER/1.0 READY").await?;

    while let Some(line) = framed.next().await {
        let line = line?;
        let reply = match handle(line.trim(), &shared).await {
            Ok(reply) => reply,
            Err(e) => format!("ERR {e}"),
        };
        if let Err(e) = shared.audit.record(&peer.to_string(), &line, &reply).await {
            tracing::warn!(%peer, "audit write failed: {e}");
        }
        framed.send(reply).await?;
    }

    tracing::info!(%peer, "client disconnected");
    Ok(())
}

async fn handle(line: &str, shared: &Shared) -> anyhow::Result<String> {
    let parts: Vec<&str> = line.split_whitespace().collect();
    match parts.as_slice() {
        ["BEGIN", batch] => {
            let tx = shared.pool.begin().await?;
            shared.open.lock().await.insert(batch.to_string(), tx);
            Ok(format!("OK BEGIN {batch}"))
        }
        ["POST", batch, account, cents] => {
            let cents: i64 = cents.parse()?;
            let mut open = shared.open.lock().await;
            let tx = open.get_mut(*batch).ok_or_else(|| anyhow!("unknown batch {batch}"))?;
            sqlx::query("INSERT INTO entries (batch_id, account, amount_cents) VALUES ($1, $2, $3)")
                .bind(*batch)
                .bind(*account)
                .bind(cents)
                .execute(&mut **tx)
                .await?;
            Ok("OK POST".to_string())
        }
        ["COMMIT", batch] => {
            let tx = shared
                .open
                .lock()
                .await
                .remove(*batch)
                .ok_or_else(|| anyhow!("unknown batch {batch}"))?;
            tx.commit().await?;
            Ok(format!("OK COMMIT {batch}"))
        }
        ["ABORT", batch] => {
            if let Some(tx) = shared.open.lock().await.remove(*batch) {
                tx.rollback().await?;
            }
            Ok(format!("OK ABORT {batch}"))
        }
        ["BALANCE", account] => {
            let cents: Option<i64> =
                sqlx::query_scalar("SELECT SUM(amount_cents)::BIGINT FROM entries WHERE account = $1")
                    .bind(*account)
                    .fetch_one(&shared.pool)
                    .await?;
            Ok(format!("OK BALANCE {account} {}", cents.unwrap_or(0)))
        }
        ["QUOTE", base, quote] => {
            let http = reqwest::Client::builder()
                .timeout(Duration::from_secs(3))
                .build()?;
            let fx: FxQuote = http
                .get(format!("{}/v1/rate", shared.fx_url))
                .query(&[("base", *base), ("quote", *quote)])
                .send()
                .await?
                .error_for_status()?
                .json()
                .await?;
            Ok(format!("OK QUOTE {base}{quote} {:.6}", fx.rate))
        }
        _ => Err(anyhow!("unknown command")),
    }
}
