use std::sync::atomic::{AtomicU64, Ordering};

use atrium_api::record::KnownRecord;
use jetstream_oxide::events::commit::CommitEvent;
use sqlx::PgPool;

const KEYWORDS: &[&str] = &["garden", "seedling", "compost", "allotment", "tomatoes"];

pub struct Indexer {
    pool: PgPool,
    http: reqwest::Client,
    moderation_url: Option<String>,
    cursor: AtomicU64,
}

impl Indexer {
    pub fn new(pool: PgPool, http: reqwest::Client, moderation_url: Option<String>) -> Self {
        Self { pool, http, moderation_url, cursor: AtomicU64::new(0) }
    }

    pub async fn last_cursor(&self) -> sqlx::Result<Option<u64>> {
        let c: Option<i64> = sqlx::query_scalar("SELECT cursor_us FROM feed_cursor WHERE id = 1")
            .fetch_optional(&self.pool)
            .await?;
        Ok(c.map(|v| v as u64))
    }

    pub async fn save_cursor(&self) -> sqlx::Result<()> {
        sqlx::query("UPDATE feed_cursor SET cursor_us = $1 WHERE id = 1")
            .bind(self.cursor.load(Ordering::Relaxed) as i64)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    // Once per commit event from the firehose.
    pub async fn handle(&self, event: CommitEvent) -> anyhow::Result<()> {
        match event {
            CommitEvent::Create { info, commit } => {
                self.cursor.store(info.time_us, Ordering::Relaxed);
                if let KnownRecord::AppBskyFeedPost(post) = commit.record {
                    let text = post.text.to_lowercase();
                    if !KEYWORDS.iter().any(|k| text.contains(k)) {
                        return Ok(());
                    }
                    if let Some(url) = &self.moderation_url {
                        let verdict: serde_json::Value = self
                            .http
                            .post(url)
                            .json(&serde_json::json!({ "did": info.did.as_str(), "text": post.text }))
                            .send()
                            .await?
                            .json()
                            .await?;
                        if verdict["block"].as_bool() == Some(true) {
                            return Ok(());
                        }
                    }
                    let uri = format!("at://{}/app.bsky.feed.post/{}", info.did.as_str(), commit.info.rkey);
                    let mut tx = self.pool.begin().await?;
                    sqlx::query("INSERT INTO feed_posts (uri, author_did, indexed_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING")
                        .bind(&uri)
                        .bind(info.did.as_str())
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query("UPDATE feed_authors SET post_count = post_count + 1 WHERE did = $1")
                        .bind(info.did.as_str())
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await?;
                }
            }
            CommitEvent::Delete { info, commit } => {
                self.cursor.store(info.time_us, Ordering::Relaxed);
                let uri = format!("at://{}/{}/{}", info.did.as_str(), commit.collection, commit.rkey);
                sqlx::query("DELETE FROM feed_posts WHERE uri = $1")
                    .bind(&uri)
                    .execute(&self.pool)
                    .await?;
            }
            _ => {}
        }
        Ok(())
    }
}
