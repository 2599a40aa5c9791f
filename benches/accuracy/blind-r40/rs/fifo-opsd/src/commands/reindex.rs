use linkme::distributed_slice;
use mysql::prelude::Queryable;

use super::{Command, COMMANDS};
use crate::services::Services;

#[distributed_slice(COMMANDS)]
static REINDEX: Command = Command { name: "reindex-customer", run: reindex_customer };

/// reindex-customer <customer_id>: rebuilds the denormalised search row.
fn reindex_customer(svc: &Services, args: &[&str]) -> anyhow::Result<()> {
    let [customer_id] = args else {
        anyhow::bail!("usage: reindex-customer <customer_id>");
    };
    let customer_id: u64 = customer_id.parse()?;
    let mut conn = svc.db.get_conn()?;
    conn.exec_drop(
        "REPLACE INTO customer_search (customer_id, name, email, order_count, lifetime_cents) \
         SELECT c.id, c.name, c.email, COUNT(o.id), COALESCE(SUM(o.total_cents), 0) \
           FROM customers c LEFT JOIN orders o ON o.customer_id = c.id \
          WHERE c.id = ? GROUP BY c.id, c.name, c.email",
        (customer_id,),
    )?;
    Ok(())
}
