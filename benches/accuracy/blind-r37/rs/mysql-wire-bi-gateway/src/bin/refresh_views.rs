//! Release-phase job: refresh the reporting materialized views once, then exit.

use bi_gateway::db;

const VIEWS: &[&str] = &["sales_daily", "sales_by_region", "inventory_snapshot"];

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let pool = db::make_pool(1)?;
    let mut conn = pool.get()?;
    for view in VIEWS {
        log::info!("refreshing {view}");
        conn.batch_execute(&format!("REFRESH MATERIALIZED VIEW CONCURRENTLY {view}"))?;
    }
    Ok(())
}
