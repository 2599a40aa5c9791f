use redis::Commands;
use serde_json::json;

/// Only the best runs are kept on the live board.
const BOARD_SIZE: isize = 100;
/// Weekly boards expire a week after their last write.
const WEEKLY_TTL_SECS: i64 = 8 * 24 * 3600;

fn weekly_key(track: &str) -> String {
    let week = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / (7 * 24 * 3600))
        .unwrap_or(0);
    format!("leaderboard:{track}:week:{week}")
}

/// Pushes a finished run to the live leaderboards (sorted sets) and tells the
/// spectator overlay about it.
pub fn announce(redis_url: &str, track: &str, player: &str, total_ms: i32) -> redis::RedisResult<()> {
    let client = redis::Client::open(redis_url)?;
    let mut conn = client.get_connection()?;

    for board in [format!("leaderboard:{track}"), weekly_key(track)] {
        let best: Option<f64> = conn.zscore(&board, player)?;
        if best.map_or(true, |b| f64::from(total_ms) < b) {
            let _: () = conn.zadd(&board, player, total_ms)?;
        }
        // lowest time = rank 0; drop everything past the board size
        let _: () = conn.zremrangebyrank(&board, BOARD_SIZE, -1)?;
    }
    let _: () = conn.expire(weekly_key(track), WEEKLY_TTL_SECS)?;

    let _: () = conn.publish(
        "overlay:finishes",
        json!({ "track": track, "player": player, "total_ms": total_ms }).to_string(),
    )?;
    Ok(())
}
