//! Station board: the big screen in the shack showing where every position is.
//! The board web page reads the `station:positions` hash and listens on the
//! `station:qsy` channel.
use redis::Commands;

pub fn publish_qsy(url: &str, position: &str, band: &str, mode: &str, hz: u64) -> redis::RedisResult<()> {
    let client = redis::Client::open(url)?;
    let mut con = client.get_connection()?;
    let value = format!("{band} {mode} {:.3}", hz as f64 / 1000.0);
    con.hset::<_, _, _, ()>("station:positions", position, &value)?;
    con.publish::<_, _, ()>("station:qsy", format!("{position} {value}"))?;
    Ok(())
}
