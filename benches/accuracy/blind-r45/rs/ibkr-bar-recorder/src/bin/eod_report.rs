//! Nightly cron job: rolls the day's 5-second bars up into daily rows and exits.

use std::env;

use ibkr_bar_recorder::db;
use mysql::prelude::Queryable;

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let pool = db::make_pool(&env::var("MYSQL_URL")?, 2)?;
    let mut conn = pool.get_conn()?;

    let mut tx = conn.start_transaction(mysql::TxOpts::default())?;
    tx.query_drop(
        "INSERT INTO bars_daily (symbol, day, open, high, low, close, volume)
         SELECT symbol, DATE(ts),
                SUBSTRING_INDEX(GROUP_CONCAT(open ORDER BY ts), ',', 1),
                MAX(high), MIN(low),
                SUBSTRING_INDEX(GROUP_CONCAT(close ORDER BY ts DESC), ',', 1),
                SUM(volume)
           FROM bars_5s
          WHERE ts >= CURRENT_DATE
          GROUP BY symbol, DATE(ts)
         ON DUPLICATE KEY UPDATE high = VALUES(high), low = VALUES(low),
                                 close = VALUES(close), volume = VALUES(volume)",
    )?;
    let rolled: Vec<(String, u64)> =
        tx.query("SELECT symbol, volume FROM bars_daily WHERE day = CURRENT_DATE ORDER BY symbol")?;
    tx.commit()?;

    for (symbol, volume) in rolled {
        println!("{symbol:<6} {volume:>14}");
    }
    Ok(())
}
