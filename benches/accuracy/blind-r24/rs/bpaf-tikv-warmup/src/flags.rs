use sqlx::PgPool;
use tikv_client::RawClient;

/// Copy `flag_overrides` in id order, batch by batch, through the clients the
/// caller already opened.
pub async fn copy(pool: &PgPool, kv: &RawClient, batch_size: i64, dry_run: bool) -> anyhow::Result<usize> {
    let mut last_id: i64 = 0;
    let mut copied = 0usize;

    loop {
        let rows: Vec<(i64, String, String, serde_json::Value)> = sqlx::query_as(
            "SELECT id, tenant_id, flag_key, value FROM flag_overrides WHERE id > $1 ORDER BY id LIMIT $2",
        )
        .bind(last_id)
        .bind(batch_size)
        .fetch_all(pool)
        .await?;

        let Some((max_id, ..)) = rows.last() else { break };
        last_id = *max_id;

        let pairs: Vec<(String, Vec<u8>)> = rows
            .iter()
            .map(|(_, tenant, key, value)| (format!("flags/{tenant}/{key}"), value.to_string().into_bytes()))
            .collect();
        copied += pairs.len();

        if dry_run {
            if let Some((k, _)) = pairs.first() {
                println!("[dry-run] would write {} keys starting at {k}", pairs.len());
            }
            continue;
        }
        kv.batch_put(pairs).await?;
        println!("  .. up to id {last_id}");
    }
    Ok(copied)
}
