use mysql::prelude::Queryable;
use sbs_flight_logger::db;

/// Run nightly by prune-positions.timer; exits when done.
fn main() -> anyhow::Result<()> {
    env_logger::init();
    let days: u32 = std::env::var("KEEP_DAYS")
        .ok()
        .and_then(|d| d.parse().ok())
        .unwrap_or(30);

    let pool = db::pool()?;
    let mut conn = pool.get_conn()?;
    let mut total = 0u64;
    loop {
        conn.exec_drop(
            "DELETE FROM positions WHERE seen_at < NOW() - INTERVAL ? DAY LIMIT 50000",
            (days,),
        )?;
        let n = conn.affected_rows();
        total += n;
        if n == 0 {
            break;
        }
    }
    conn.query_drop("DELETE FROM aircraft WHERE last_seen < NOW() - INTERVAL 1 YEAR")?;
    log::info!("pruned {total} positions older than {days} days");
    Ok(())
}
