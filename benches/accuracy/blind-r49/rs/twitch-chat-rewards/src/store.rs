use std::env;

use mysql_async::prelude::*;
use mysql_async::Pool;

pub fn open_pool() -> Pool {
    let url = env::var("MYSQL_URL").unwrap_or_else(|_| "mysql://rewards@localhost/rewards".into());
    Pool::new(url.as_str())
}

pub async fn add_points(pool: &Pool, channel: &str, viewer: &str, points: i64) -> mysql_async::Result<i64> {
    let mut conn = pool.get_conn().await?;
    r"INSERT INTO points (channel, viewer, balance) VALUES (:channel, :viewer, :points)
      ON DUPLICATE KEY UPDATE balance = balance + :points"
        .with(params! { "channel" => channel, "viewer" => viewer, "points" => points })
        .ignore(&mut conn)
        .await?;
    let balance: Option<i64> = "SELECT balance FROM points WHERE channel = ? AND viewer = ?"
        .with((channel, viewer))
        .first(&mut conn)
        .await?;
    Ok(balance.unwrap_or(0))
}
