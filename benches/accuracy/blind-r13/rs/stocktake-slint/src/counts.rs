use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = Pool<PostgresConnectionManager<NoTls>>;

/// Books all pending counts for a site as one stock-take adjustment.
pub fn submit_counts(pool: &PgPool, site_id: i32, lines: &[(String, i32)]) -> anyhow::Result<usize> {
    let mut conn = pool.get()?;
    conn.batch_execute("BEGIN ISOLATION LEVEL SERIALIZABLE")?;

    let take_id: i64 = conn
        .query_one(
            "INSERT INTO stock_takes (site_id, taken_at) VALUES ($1, now()) RETURNING id",
            &[&site_id],
        )?
        .get(0);

    for (sku, counted) in lines {
        let expected: i32 = conn
            .query_one("SELECT qty FROM stock WHERE sku = $1 AND site_id = $2", &[sku, &site_id])?
            .get(0);
        conn.execute(
            "INSERT INTO stock_take_lines (take_id, sku, expected, counted) VALUES ($1, $2, $3, $4)",
            &[&take_id, sku, &expected, counted],
        )?;
        conn.execute(
            "UPDATE stock SET qty = $3 WHERE sku = $1 AND site_id = $2",
            &[sku, &site_id, counted],
        )?;
    }

    conn.batch_execute("COMMIT")?;
    Ok(lines.len())
}
