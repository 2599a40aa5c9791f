//! Every simulated charge/refund is written to psp_sandbox_audit so QA can
//! assert on what the checkout service actually sent.

use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

#[derive(Debug)]
pub struct AuditEvent {
    pub kind: &'static str,
    pub reference: String,
    pub amount: i64,
    pub outcome: String,
}

pub struct AuditSink {
    tx: mpsc::UnboundedSender<AuditEvent>,
    writer: JoinHandle<()>,
    pool: PgPool,
}

impl AuditSink {
    pub async fn start() -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(2)
            .connect(&std::env::var("SANDBOX_DATABASE_URL")?)
            .await?;
        let (tx, mut rx) = mpsc::unbounded_channel::<AuditEvent>();
        let writer_pool = pool.clone();
        let writer = tokio::spawn(async move {
            while let Some(ev) = rx.recv().await {
                let res = sqlx::query(
                    "INSERT INTO psp_sandbox_audit (kind, reference, amount, outcome) VALUES ($1, $2, $3, $4)",
                )
                .bind(ev.kind)
                .bind(&ev.reference)
                .bind(ev.amount)
                .bind(&ev.outcome)
                .execute(&writer_pool)
                .await;
                if let Err(e) = res {
                    tracing::warn!(error = %e, ?ev, "audit row lost");
                }
            }
        });
        Ok(AuditSink { tx, writer, pool })
    }

    pub fn sender(&self) -> mpsc::UnboundedSender<AuditEvent> {
        self.tx.clone()
    }

    pub async fn shutdown(self) {
        drop(self.tx);
        let _ = self.writer.await;
        self.pool.close().await;
    }
}
