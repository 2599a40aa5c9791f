//! Shared team bookmarks (CockroachDB, Postgres wire protocol).

use serde::Serialize;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

#[derive(Serialize, sqlx::FromRow)]
pub struct Bookmark {
    pub url: String,
    pub title: String,
    pub tags: Vec<String>,
}

pub struct BookmarkStore {
    pool: PgPool,
}

impl BookmarkStore {
    pub async fn connect(url: &str) -> sqlx::Result<Self> {
        let pool = PgPoolOptions::new().max_connections(4).connect(url).await?;
        Ok(Self { pool })
    }

    pub async fn save(&self, team: &str, url: &str, title: &str, tags: &[String]) -> sqlx::Result<()> {
        sqlx::query(
            "UPSERT INTO bookmarks (team, url, title, tags, saved_at) VALUES ($1, $2, $3, $4, now())",
        )
        .bind(team)
        .bind(url)
        .bind(title)
        .bind(tags)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn search(&self, team: &str, q: &str) -> sqlx::Result<Vec<Bookmark>> {
        sqlx::query_as::<_, Bookmark>(
            "SELECT url, title, tags FROM bookmarks WHERE team = $1 AND (title ILIKE $2 OR url ILIKE $2) LIMIT 50",
        )
        .bind(team)
        .bind(format!("%{q}%"))
        .fetch_all(&self.pool)
        .await
    }
}
