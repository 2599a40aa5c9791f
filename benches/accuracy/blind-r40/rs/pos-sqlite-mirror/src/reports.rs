//! End-of-day (Z) report: totals from the local journal, checked against what
//! the central ledger received.

use mysql::prelude::Queryable;
use mysql::{Opts, Pool};
use rusqlite::Connection;

pub struct Reporter {
    till_id: String,
    ledger: Pool,
}

impl Reporter {
    pub fn new(till_id: &str) -> anyhow::Result<Reporter> {
        let opts = Opts::from_url(&std::env::var("CENTRAL_MYSQL_URL")?)?;
        let ledger = Pool::new(opts)?;
        Ok(Reporter { till_id: till_id.to_owned(), ledger })
    }

    pub fn z_report(&self, journal: &Connection) -> anyhow::Result<()> {
        let (count, total): (i64, i64) = journal.query_row(
            "SELECT COUNT(*), COALESCE(SUM(qty * price_cents), 0) FROM sales \
             WHERE date(sold_at) = date('now')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;

        let mut conn = self.ledger.get_conn()?;
        let central: Option<(i64, i64)> = conn.exec_first(
            "SELECT COUNT(*), COALESCE(SUM(qty * price_cents), 0) FROM till_sales \
             WHERE till_id = ? AND DATE(sold_at) = CURRENT_DATE()",
            (&self.till_id,),
        )?;
        let (central_count, central_total) = central.unwrap_or((0, 0));

        println!("Z REPORT {}", self.till_id);
        println!("  journal: {count} sales, {:.2}", total as f64 / 100.0);
        println!("  ledger:  {central_count} sales, {:.2}", central_total as f64 / 100.0);
        if central_count != count {
            println!("  WARNING: {} sales not yet mirrored", count - central_count);
        }
        Ok(())
    }
}
