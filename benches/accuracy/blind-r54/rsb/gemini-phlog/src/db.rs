use anyhow::Result;
use chrono::{DateTime, Utc};
use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::sync::OnceCell;

static SHARED: OnceCell<PgPool> = OnceCell::const_new();

#[derive(sqlx::FromRow)]
pub struct Post {
    pub id: i64,
    pub author: String,
    pub title: String,
    pub body: String,
    pub published_at: DateTime<Utc>,
}

/// Open a pool to the phlog database.
pub async fn connect() -> Result<PgPool> {
    let url = std::env::var("PHLOG_DATABASE_URL")?;
    let pool = PgPoolOptions::new().max_connections(5).connect(&url).await?;
    Ok(pool)
}

/// Process-wide pool, opened on first use.
pub async fn shared() -> Result<&'static PgPool> {
    SHARED.get_or_try_init(connect).await
}

pub async fn latest_posts(pool: &PgPool, limit: i64) -> Result<Vec<Post>> {
    let posts = sqlx::query_as::<_, Post>(
        "SELECT id, author, title, body, published_at FROM posts \
         WHERE published ORDER BY published_at DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(posts)
}

pub async fn post_by_id(pool: &PgPool, id: i64) -> Result<Option<Post>> {
    let post = sqlx::query_as::<_, Post>(
        "SELECT id, author, title, body, published_at FROM posts WHERE id = $1 AND published",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    Ok(post)
}

pub async fn search(pool: &PgPool, terms: &str) -> Result<Vec<Post>> {
    let posts = sqlx::query_as::<_, Post>(
        "SELECT id, author, title, body, published_at FROM posts \
         WHERE published AND search_vec @@ plainto_tsquery('english', $1) \
         ORDER BY published_at DESC LIMIT 25",
    )
    .bind(terms)
    .fetch_all(pool)
    .await?;
    Ok(posts)
}
