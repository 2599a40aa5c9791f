use bb8_postgres::PostgresConnectionManager;
use tokio_postgres::NoTls;

use crate::orbit::Pass;

pub type PgPool = bb8::Pool<PostgresConnectionManager<NoTls>>;

pub async fn pool(url: &str) -> anyhow::Result<PgPool> {
    let manager = PostgresConnectionManager::new_from_stringlike(url, NoTls)?;
    Ok(bb8::Pool::builder().max_size(4).build(manager).await?)
}

/// Replaces a station's future passes in one transaction.
pub async fn replace_passes(pool: &PgPool, station_id: &str, passes: &[Pass]) -> anyhow::Result<()> {
    let mut conn = pool.get().await?;
    let tx = conn.transaction().await?;
    tx.execute("DELETE FROM passes WHERE station_id = $1 AND aos > now()", &[&station_id])
        .await?;
    let insert = tx
        .prepare(
            "INSERT INTO passes (station_id, norad_id, sat_name, aos, los, max_elevation_deg) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .await?;
    for p in passes {
        tx.execute(
            &insert,
            &[&station_id, &(p.norad_id as i64), &p.sat_name, &p.aos, &p.los, &p.max_elevation_deg],
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
