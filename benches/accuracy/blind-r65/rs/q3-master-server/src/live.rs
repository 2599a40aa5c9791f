//! Feeds the website's live server browser (Redis hash per server + pub/sub notification).

use std::net::SocketAddr;

use redis::AsyncCommands;

use crate::proto::Info;

pub async fn publish(addr: SocketAddr, info: &Info, country: Option<&str>) -> redis::RedisResult<()> {
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let client = redis::Client::open(url)?;
    let mut con = client.get_multiplexed_async_connection().await?;

    let key = format!("q3:server:{addr}");
    let mut fields: Vec<(&str, String)> = ["hostname", "mapname", "gametype", "clients", "sv_maxclients"]
        .iter()
        .map(|k| (*k, info.get(*k).cloned().unwrap_or_default()))
        .collect();
    if let Some(c) = country {
        fields.push(("country", c.to_string()));
    }
    con.hset_multiple::<_, _, _, ()>(&key, &fields).await?;
    con.expire::<_, ()>(&key, 900).await?;
    con.publish::<_, _, ()>("q3:server-updates", addr.to_string()).await?;
    Ok(())
}
