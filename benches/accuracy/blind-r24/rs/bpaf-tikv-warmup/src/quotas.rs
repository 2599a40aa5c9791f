use sqlx::PgPool;
use tikv_client::RawClient;

/// Tenant quotas are small (one row per tenant), so a single pass is enough.
pub async fn copy(pool: &PgPool, kv: &RawClient, dry_run: bool) -> anyhow::Result<usize> {
    let rows: Vec<(String, i64, i64, i32)> = sqlx::query_as(
        "SELECT t.id, q.requests_per_minute, q.storage_bytes, q.max_seats
           FROM tenants t JOIN tenant_quotas q ON q.tenant_id = t.id
          WHERE t.deleted_at IS NULL",
    )
    .fetch_all(pool)
    .await?;

    let mut pairs = Vec::with_capacity(rows.len());
    for (tenant, rpm, storage, seats) in &rows {
        let value = serde_json::json!({
            "rpm": rpm,
            "storage_bytes": storage,
            "seats": seats,
        });
        pairs.push((format!("quota/{tenant}"), serde_json::to_vec(&value)?));
    }

    if dry_run {
        println!("[dry-run] would write {} quota keys", pairs.len());
        return Ok(pairs.len());
    }
    for chunk in pairs.chunks(500) {
        kv.batch_put(chunk.to_vec()).await?;
    }
    Ok(rows.len())
}
