use anyhow::Result;
use sqlx::PgPool;

use crate::localapi::{NetMap, Node};

pub struct Syncer {
    pool: PgPool,
    http: reqwest::Client,
    webhook: Option<String>,
}

impl Syncer {
    pub fn new(pool: PgPool, http: reqwest::Client, webhook: Option<String>) -> Self {
        Self { pool, http, webhook }
    }

    /// One netmap notification -> one transaction on the shared pool.
    pub async fn apply(&self, netmap: NetMap) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let mut joined: Vec<String> = Vec::new();

        for node in std::iter::once(&netmap.self_node).chain(netmap.peers.iter()) {
            let inserted: bool = sqlx::query_scalar(
                "INSERT INTO tailnet_nodes (stable_id, name, os, hostname, addresses, tags, online, last_seen, synced_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now()) \
                 ON CONFLICT (stable_id) DO UPDATE SET name = EXCLUDED.name, os = EXCLUDED.os, \
                   hostname = EXCLUDED.hostname, addresses = EXCLUDED.addresses, tags = EXCLUDED.tags, \
                   online = EXCLUDED.online, last_seen = EXCLUDED.last_seen, synced_at = now() \
                 RETURNING (xmax = 0)",
            )
            .bind(&node.stable_id)
            .bind(node.name.trim_end_matches('.'))
            .bind(node.hostinfo.as_ref().map(|h| h.os.as_str()))
            .bind(node.hostinfo.as_ref().map(|h| h.hostname.as_str()))
            .bind(&node.addresses)
            .bind(&node.tags)
            .bind(node.online)
            .bind(node.last_seen)
            .fetch_one(&mut *tx)
            .await?;
            if inserted {
                joined.push(describe(node));
            }
        }

        let seen: Vec<String> = std::iter::once(&netmap.self_node)
            .chain(netmap.peers.iter())
            .map(|n| n.stable_id.clone())
            .collect();
        sqlx::query("UPDATE tailnet_nodes SET removed_at = now() WHERE removed_at IS NULL AND NOT (stable_id = ANY($1))")
            .bind(&seen)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;

        if let (Some(url), false) = (&self.webhook, joined.is_empty()) {
            self.http
                .post(url)
                .json(&serde_json::json!({ "text": format!("New tailnet nodes: {}", joined.join(", ")) }))
                .send()
                .await?;
        }
        Ok(())
    }
}

fn describe(node: &Node) -> String {
    let os = node.hostinfo.as_ref().map(|h| h.os.as_str()).unwrap_or("?");
    format!("{} ({os}, tags: {})", node.name.trim_end_matches('.'), node.tags.join(" "))
}
