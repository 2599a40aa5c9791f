//! QSY log: every band/mode change, kept for the post-contest log check.
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

pub struct QsyLog {
    pool: PgPool,
}

impl QsyLog {
    pub fn open(db_url: &str) -> anyhow::Result<QsyLog> {
        let pool = r2d2::Pool::new(PostgresConnectionManager::new(db_url.parse()?, NoTls))?;
        Ok(QsyLog { pool })
    }

    pub fn record(&self, position: &str, band: &str, mode: &str, hz: u64) -> anyhow::Result<()> {
        let mut conn = self.pool.get()?;
        conn.execute(
            "INSERT INTO qsy_log (position, band, mode, freq_hz, at) VALUES ($1, $2, $3, $4, now())",
            &[&position, &band, &mode, &(hz as i64)],
        )?;
        Ok(())
    }

    pub fn minutes_since_band_change(&self, position: &str) -> anyhow::Result<Option<i64>> {
        let mut conn = self.pool.get()?;
        let row = conn.query_opt(
            "SELECT (EXTRACT(EPOCH FROM now() - max(at)) / 60)::bigint FROM qsy_log
             WHERE position = $1 AND band IS DISTINCT FROM
                   (SELECT band FROM qsy_log WHERE position = $1 ORDER BY at DESC LIMIT 1)",
            &[&position],
        )?;
        Ok(row.and_then(|r| r.get::<_, Option<i64>>(0)))
    }
}
