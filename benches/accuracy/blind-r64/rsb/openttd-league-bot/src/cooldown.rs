//! Players spam !rank; allow it once per 30 s per client id.

pub fn allow(redis_url: &str, client_id: u32) -> redis::RedisResult<bool> {
    let client = redis::Client::open(redis_url)?;
    let mut con = client.get_connection()?;
    let key = format!("openttd:rank-cooldown:{client_id}");
    let set: Option<String> = redis::cmd("SET")
        .arg(&key)
        .arg(1)
        .arg("NX")
        .arg("EX")
        .arg(30)
        .query(&mut con)?;
    Ok(set.is_some())
}
