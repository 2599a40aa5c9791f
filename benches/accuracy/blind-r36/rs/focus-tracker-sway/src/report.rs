use std::time::Duration;

use mysql::prelude::*;
use mysql::{Opts, OptsBuilder, Pool};

pub struct Reporter {
    pool: Pool,
}

/// Hourly roll-up of focus spans into per-ticket totals.
pub fn connect() -> anyhow::Result<Reporter> {
    let url = std::env::var("TIMESHEET_DB_URL")?;
    let opts = OptsBuilder::from_opts(Opts::from_url(&url)?).tcp_connect_timeout(Some(Duration::from_secs(5)));
    let pool = Pool::new(opts)?;
    Ok(Reporter { pool })
}

impl Reporter {
    pub fn roll_up(&self) -> anyhow::Result<u64> {
        let mut conn = self.pool.get_conn()?;
        conn.query_drop(
            "INSERT INTO ticket_totals (ticket, day, seconds)
             SELECT ticket, DATE(started_at), SUM(TIMESTAMPDIFF(SECOND, started_at, ended_at))
             FROM focus_spans WHERE ticket IS NOT NULL AND rolled_up = 0
             GROUP BY ticket, DATE(started_at)
             ON DUPLICATE KEY UPDATE seconds = seconds + VALUES(seconds)",
        )?;
        let rows = conn.affected_rows();
        conn.query_drop("UPDATE focus_spans SET rolled_up = 1 WHERE rolled_up = 0")?;
        Ok(rows)
    }

    pub fn run_hourly(self) {
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_secs(3600));
            match self.roll_up() {
                Ok(n) => log::info!("rolled up {n} ticket totals"),
                Err(e) => log::warn!("roll-up failed: {e}"),
            }
        });
    }
}
