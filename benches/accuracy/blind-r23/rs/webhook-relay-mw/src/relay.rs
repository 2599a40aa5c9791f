use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use reqwest_middleware::ClientWithMiddleware;
use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};

use crate::{audit, outbox};

const BACKOFF: Duration = Duration::from_secs(90);

/// A partner endpoint we failed to deliver to. We keep its advisory lock
/// (and therefore the connection that owns it) until the retry succeeds, so
/// another replica does not pick the endpoint up during the backoff.
struct Lease {
    conn: PoolConnection<Postgres>,
    retry_at: Instant,
}

pub struct Relay {
    outbox: PgPool,
    audit: PgPool,
    http: ClientWithMiddleware,
    backoff: HashMap<String, Lease>,
}

impl Relay {
    pub fn new(outbox: PgPool, audit: PgPool, http: ClientWithMiddleware) -> Self {
        Self { outbox, audit, http, backoff: HashMap::new() }
    }

    pub async fn tick(&mut self) -> anyhow::Result<()> {
        let rows = outbox::claim(&self.outbox, 200).await?;
        let mut by_endpoint: BTreeMap<String, Vec<outbox::OutboxRow>> = BTreeMap::new();
        for row in rows {
            by_endpoint.entry(row.endpoint.clone()).or_default().push(row);
        }

        for (endpoint, rows) in by_endpoint {
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();

            if let Some(lease) = self.backoff.get(&endpoint) {
                if lease.retry_at > Instant::now() {
                    continue;
                }
            }

            let mut lease_conn = match self.backoff.remove(&endpoint) {
                Some(lease) => lease.conn,
                None => {
                    let mut conn = self.outbox.acquire().await?;
                    let locked: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock(hashtext($1))")
                        .bind(&endpoint)
                        .fetch_one(&mut *conn)
                        .await?;
                    if !locked {
                        continue;
                    }
                    conn
                }
            };

            let payloads: Vec<&serde_json::Value> = rows.iter().map(|r| &r.payload.0).collect();
            let result = self.http.post(&endpoint).json(&payloads).send().await;

            match result {
                Ok(resp) if resp.status().is_success() => {
                    let status = resp.status().as_u16();
                    outbox::mark_delivered(&self.outbox, &ids).await?;
                    audit::record_attempt(&self.audit, &endpoint, &ids, Some(status), None).await?;
                    sqlx::query("SELECT pg_advisory_unlock(hashtext($1))")
                        .bind(&endpoint)
                        .execute(&mut *lease_conn)
                        .await?;
                }
                other => {
                    let (status, error) = match other {
                        Ok(resp) => (Some(resp.status().as_u16()), None),
                        Err(e) => (None, Some(e.to_string())),
                    };
                    tracing::warn!(%endpoint, ?status, ?error, "delivery failed, backing off");
                    outbox::mark_failed(&self.outbox, &ids).await?;
                    audit::record_attempt(&self.audit, &endpoint, &ids, status, error.as_deref())
                        .await?;
                    self.backoff.insert(
                        endpoint,
                        Lease { conn: lease_conn, retry_at: Instant::now() + BACKOFF },
                    );
                }
            }
        }
        Ok(())
    }
}
