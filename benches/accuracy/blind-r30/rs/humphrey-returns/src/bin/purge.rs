//! Release-phase job: deletes closed returns older than N days, then exits.
use mysql::prelude::*;

use humphrey_returns::db;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let days: u32 = std::env::args()
        .skip_while(|a| a != "--older-than-days")
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(365);

    let pool = db::make_pool(&std::env::var("RETURNS_DB_URL")?, 2)?;
    let mut conn = pool.get_conn()?;

    let mut total = 0u64;
    loop {
        conn.exec_drop(
            "DELETE FROM returns WHERE status = 'closed' AND updated_at < NOW() - INTERVAL ? DAY LIMIT 5000",
            (days,),
        )?;
        let affected = conn.affected_rows();
        total += affected;
        if affected == 0 {
            break;
        }
    }
    println!("purged {total} closed returns older than {days} days");

    drop(conn);
    drop(pool);
    Ok(())
}
