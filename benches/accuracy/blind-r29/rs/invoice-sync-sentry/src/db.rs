use mysql::prelude::*;
use mysql::{Opts, Pool, PoolConstraints, PoolOpts};

pub struct Invoice {
    pub id: u64,
    pub number: String,
    pub customer: String,
    pub total_cents: i64,
}

/// ERP connection pool for the sync loop.
pub fn connect(url: &str) -> mysql::Result<Pool> {
    let opts = Opts::from_url(url)?;
    let constraints = PoolConstraints::new(1, 6).expect("valid pool constraints");
    let opts = mysql::OptsBuilder::from_opts(opts)
        .pool_opts(PoolOpts::default().with_constraints(constraints));
    Pool::new(opts)
}

pub fn approved_invoices(pool: &Pool) -> mysql::Result<Vec<Invoice>> {
    let mut conn = pool.get_conn()?;
    conn.query_map(
        "SELECT id, number, customer_name, total_cents FROM invoices \
         WHERE status = 'approved' AND synced_at IS NULL ORDER BY id LIMIT 100",
        |(id, number, customer, total_cents)| Invoice {
            id,
            number,
            customer,
            total_cents,
        },
    )
}

pub fn mark_synced(pool: &Pool, id: u64) -> mysql::Result<()> {
    let mut conn = pool.get_conn()?;
    conn.exec_drop(
        "UPDATE invoices SET synced_at = NOW() WHERE id = ?",
        (id,),
    )
}
