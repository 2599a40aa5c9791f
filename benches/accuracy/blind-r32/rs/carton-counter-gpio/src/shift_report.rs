use mysql_async::prelude::*;
use mysql_async::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

/// Keeps the running per-shift total that the supervisor dashboard reads.
pub struct ShiftReport {
    pool: Pool,
    line_id: u32,
}

impl ShiftReport {
    pub fn new(url: &str, line_id: u32) -> Result<Self, mysql_async::UrlError> {
        let opts = OptsBuilder::from_opts(Opts::from_url(url)?)
            .pool_opts(PoolOpts::default().with_constraints(PoolConstraints::new(1, 5).unwrap()));
        let pool = Pool::new(opts);
        Ok(Self { pool, line_id })
    }

    pub async fn bump(&self, cartons: u32) -> mysql_async::Result<()> {
        let mut conn = self.pool.get_conn().await?;
        r"INSERT INTO shift_totals (line_id, shift_date, shift_no, cartons)
          VALUES (?, CURDATE(), FLOOR(HOUR(NOW()) / 8), ?)
          ON DUPLICATE KEY UPDATE cartons = cartons + VALUES(cartons)"
            .with((self.line_id, cartons))
            .ignore(&mut conn)
            .await
    }
}
