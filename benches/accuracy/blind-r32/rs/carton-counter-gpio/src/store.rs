use std::time::Duration;

use mysql_async::prelude::*;
use mysql_async::Pool;

pub fn connect(url: &str) -> Pool {
    Pool::new(url)
}

pub async fn add_count(pool: &Pool, line_id: u32, n: u32) -> mysql_async::Result<()> {
    let mut conn = pool.get_conn().await?;
    "INSERT INTO line_counts (line_id, minute, cartons) VALUES (?, DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:00'), ?)
     ON DUPLICATE KEY UPDATE cartons = cartons + VALUES(cartons)"
        .with((line_id, n))
        .ignore(&mut conn)
        .await
}

pub async fn record_stoppage(pool: &Pool, line_id: u32, gap: Duration) -> mysql_async::Result<()> {
    let mut conn = pool.get_conn().await?;
    "INSERT INTO stoppages (line_id, seconds, restarted_at) VALUES (?, ?, NOW())"
        .with((line_id, gap.as_secs()))
        .ignore(&mut conn)
        .await
}
