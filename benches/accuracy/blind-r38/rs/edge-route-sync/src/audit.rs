use serde::Deserialize;
use sqlx::PgPool;

#[derive(Debug, Deserialize)]
struct Route {
    host: String,
    path_prefix: String,
    upstream: String,
    #[serde(default)]
    strip_prefix: bool,
}

/// Stores a snapshot of the route table each time it is republished in Nacos
/// so that on-call can diff what changed.
pub async fn record_route_change(database_url: &str, data_id: &str, content: &str) -> anyhow::Result<()> {
    let routes: Vec<Route> = serde_json::from_str(content)?;

    let pool = PgPool::connect(database_url).await?;
    let mut tx = pool.begin().await?;
    let snapshot_id: i64 = sqlx::query_scalar(
        "INSERT INTO route_snapshots (data_id, raw, route_count) VALUES ($1, $2::jsonb, $3) RETURNING id",
    )
    .bind(data_id)
    .bind(content)
    .bind(routes.len() as i32)
    .fetch_one(&mut *tx)
    .await?;

    for r in &routes {
        sqlx::query(
            "INSERT INTO route_snapshot_entries (snapshot_id, host, path_prefix, upstream, strip_prefix) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(snapshot_id)
        .bind(&r.host)
        .bind(&r.path_prefix)
        .bind(&r.upstream)
        .bind(r.strip_prefix)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    pool.close().await;

    tracing::info!(data_id, routes = routes.len(), snapshot_id, "route table snapshot stored");
    Ok(())
}
