//! Nightly cron job (its own short-lived process): removes links that
//! expired more than 30 days ago.

use mysql::prelude::Queryable;

fn main() -> anyhow::Result<()> {
    let pool = scgi_shortlinks::db::make_pool(2)?;
    let mut conn = pool.get_conn()?;
    conn.query_drop("DELETE FROM links WHERE expires_at < NOW() - INTERVAL 30 DAY")?;
    println!("purged {} expired links", conn.affected_rows());
    drop(conn);
    drop(pool);
    Ok(())
}
