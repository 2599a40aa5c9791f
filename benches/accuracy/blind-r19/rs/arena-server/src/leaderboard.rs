use std::sync::LazyLock;

use r2d2_postgres::postgres::{Config, NoTls};
use r2d2_postgres::PostgresConnectionManager;

use crate::store::DbPool;

static POOL: LazyLock<DbPool> = LazyLock::new(|| {
    let config: Config = std::env::var("ARENA_DB_URL")
        .expect("ARENA_DB_URL not set")
        .parse()
        .expect("ARENA_DB_URL is not a valid postgres url");
    let manager = PostgresConnectionManager::new(config, NoTls);
    r2d2::Pool::builder().max_size(6).build(manager).expect("leaderboard pool")
});

pub fn record_win(player_id: u64, rating_delta: i32) -> Result<(), r2d2_postgres::postgres::Error> {
    let mut conn = POOL.get().expect("leaderboard connection");
    conn.execute(
        "INSERT INTO leaderboard (player_id, wins, rating) VALUES ($1, 1, 1000 + $2) \
         ON CONFLICT (player_id) DO UPDATE SET wins = leaderboard.wins + 1, rating = leaderboard.rating + $2",
        &[&(player_id as i64), &rating_delta],
    )?;
    Ok(())
}

pub fn top(n: i64) -> Result<Vec<(i64, i32)>, r2d2_postgres::postgres::Error> {
    let mut conn = POOL.get().expect("leaderboard connection");
    let rows = conn.query("SELECT player_id, rating FROM leaderboard ORDER BY rating DESC LIMIT $1", &[&n])?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}
