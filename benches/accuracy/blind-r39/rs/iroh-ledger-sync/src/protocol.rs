use std::collections::HashMap;
use std::sync::Arc;

use iroh::endpoint::Connection;
use iroh::protocol::{AcceptError, ProtocolHandler};
use iroh::NodeId;
use serde::Deserialize;
use sqlx::{PgPool, Postgres, Transaction};
use tokio::sync::Mutex;

use crate::notify;

pub const LEDGER_ALPN: &[u8] = b"fieldops/ledger/1";

#[derive(Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum Frame {
    Begin { batch_id: String },
    Entry { account: String, amount_cents: i64, memo: Option<String> },
    Commit { batch_id: String },
}

#[derive(Debug, Clone)]
pub struct LedgerProtocol {
    pub pool: PgPool,
    /// Open batch transactions, keyed by the device that started them.
    pub pending: Arc<Mutex<HashMap<NodeId, Transaction<'static, Postgres>>>>,
}

impl ProtocolHandler for LedgerProtocol {
    async fn accept(&self, connection: Connection) -> Result<(), AcceptError> {
        let device = connection.remote_node_id()?;
        tracing::info!(%device, "device connected");

        // one bi-directional stream per frame
        while let Ok((mut send, mut recv)) = connection.accept_bi().await {
            let raw = recv.read_to_end(64 * 1024).await.map_err(AcceptError::from_err)?;
            let frame: Frame = serde_json::from_slice(&raw).map_err(AcceptError::from_err)?;
            let reply = self.apply(device, frame).await.map_err(AcceptError::from_err)?;
            send.write_all(reply.as_bytes()).await.map_err(AcceptError::from_err)?;
            send.finish()?;
        }
        Ok(())
    }
}

impl LedgerProtocol {
    async fn apply(&self, device: NodeId, frame: Frame) -> anyhow::Result<String> {
        match frame {
            Frame::Begin { batch_id } => {
                let tx = self.pool.begin().await?;
                self.pending.lock().await.insert(device, tx);
                Ok(format!("begin {batch_id}"))
            }
            Frame::Entry { account, amount_cents, memo } => {
                let mut pending = self.pending.lock().await;
                let tx = pending
                    .get_mut(&device)
                    .ok_or_else(|| anyhow::anyhow!("entry without begin"))?;
                sqlx::query(
                    "INSERT INTO ledger_entries (device, account, amount_cents, memo) VALUES ($1, $2, $3, $4)",
                )
                .bind(device.to_string())
                .bind(&account)
                .bind(amount_cents)
                .bind(memo)
                .execute(&mut **tx)
                .await?;
                Ok("ok".into())
            }
            Frame::Commit { batch_id } => {
                let tx = self
                    .pending
                    .lock()
                    .await
                    .remove(&device)
                    .ok_or_else(|| anyhow::anyhow!("commit without begin"))?;
                tx.commit().await?;
                notify::batch_committed(&device.to_string(), &batch_id).await?;
                Ok(format!("committed {batch_id}"))
            }
        }
    }
}
