use sqlx::PgPool;

use crate::protocol::{Init, Outgoing, Transfer};
use crate::{audit, send, store};

/// Everything one agent process needs; built once, on the `init` event.
pub struct Agent {
    operation: String,
    remote: String,
    s3: store::ObjectStore,
    audit: PgPool,
}

impl Agent {
    pub async fn start(init: &Init) -> anyhow::Result<Agent> {
        let s3 = store::ObjectStore::connect().await?;
        let audit = audit::open_pool().await?;
        eprintln!(
            "s3agent: {} for {} (concurrent={}, slots={})",
            init.operation, init.remote, init.concurrent, init.concurrent_transfers
        );
        Ok(Agent {
            operation: init.operation.clone(),
            remote: init.remote.clone(),
            s3,
            audit,
        })
    }

    pub async fn transfer(&self, req: &Transfer, out: &mut tokio::io::Stdout) -> Outgoing {
        let result = if self.operation == "upload" {
            match req.path.as_deref() {
                Some(path) => self.s3.upload(&req.oid, path).await.map(|_| None),
                None => Err(anyhow::anyhow!("upload without a source path")),
            }
        } else {
            let mut last = 0i64;
            let oid = req.oid.clone();
            let mut report = |so_far: i64| {
                let msg = Outgoing::progress(&oid, so_far, so_far - last);
                last = so_far;
                msg
            };
            let mut progress_lines = Vec::new();
            let res = self
                .s3
                .download(&req.oid, |n| progress_lines.push(report(n)))
                .await
                .map(Some);
            for p in &progress_lines {
                let _ = send(out, p).await;
            }
            res
        };

        match result {
            Ok(path) => {
                if let Err(e) = audit::record(&self.audit, &self.remote, &self.operation, req).await {
                    eprintln!("s3agent: audit insert failed for {}: {e}", req.oid);
                }
                Outgoing::complete(&req.oid, path)
            }
            Err(e) => Outgoing::complete_error(&req.oid, 2, &e.to_string()),
        }
    }

    pub async fn shutdown(self) {
        self.audit.close().await;
    }
}
