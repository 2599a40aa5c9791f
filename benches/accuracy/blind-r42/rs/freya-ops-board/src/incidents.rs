use serde::Deserialize;
use sqlx::PgPool;

#[derive(Clone, Deserialize, PartialEq)]
pub struct Incident {
    pub id: i64,
    pub title: String,
    pub severity: String,
    pub acked_by: Option<String>,
}

pub async fn fetch_open(http: &reqwest::Client) -> Result<Vec<Incident>, reqwest::Error> {
    let base = std::env::var("STATUS_API").unwrap_or_else(|_| "https://status.internal".into());
    http.get(format!("{base}/api/incidents?state=open"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}

/// Acknowledge directly in the ops database (the status API is read-only).
pub async fn acknowledge(id: i64, who: &str) -> Result<(), sqlx::Error> {
    let pool = PgPool::connect(&std::env::var("OPS_DATABASE_URL").unwrap_or_default()).await?;
    sqlx::query("UPDATE incidents SET acked_by = $1, acked_at = now() WHERE id = $2 AND acked_by IS NULL")
        .bind(who)
        .bind(id)
        .execute(&pool)
        .await?;
    pool.close().await;
    Ok(())
}
