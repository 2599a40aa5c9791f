//! Bookkeeping of the peers we have talked to.

use bb8::Pool;
use bb8_postgres::PostgresConnectionManager;
use tokio_postgres::NoTls;

pub type PeerPool = Pool<PostgresConnectionManager<NoTls>>;

pub async fn connect() -> anyhow::Result<PeerPool> {
    let url = std::env::var("INDEXER_DATABASE_URL")?;
    let manager = PostgresConnectionManager::new_from_stringlike(url, NoTls)?;
    let pool = Pool::builder().max_size(8).build(manager).await?;
    Ok(pool)
}

pub async fn record_seen(pool: &PeerPool, peer_id: &str, addr: &str) -> anyhow::Result<()> {
    let conn = pool.get().await?;
    conn.execute(
        "INSERT INTO peers (peer_id, last_addr, last_seen) VALUES ($1, $2, now())
         ON CONFLICT (peer_id) DO UPDATE SET last_addr = EXCLUDED.last_addr, last_seen = now()",
        &[&peer_id, &addr],
    )
    .await?;
    Ok(())
}
