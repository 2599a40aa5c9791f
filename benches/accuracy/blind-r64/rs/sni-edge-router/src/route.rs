use mysql_async::prelude::*;
use redis::AsyncCommands;

/// Hot path: route cache in Redis (written by the control plane), MySQL as the fallback.
pub async fn resolve(server_name: &str, routes_db: &mysql_async::Pool) -> anyhow::Result<String> {
    let redis_url = std::env::var("ROUTE_CACHE_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let cache = redis::Client::open(redis_url)?;
    let mut conn = cache.get_multiplexed_async_connection().await?;

    let key = format!("route:{server_name}");
    if let Some(addr) = conn.get::<_, Option<String>>(&key).await? {
        return Ok(addr);
    }

    let mut db = routes_db.get_conn().await?;
    let addr: Option<String> = db
        .exec_first(
            "SELECT CONCAT(c.ingress_host, ':', c.ingress_port) FROM custom_domains d \
             JOIN clusters c ON c.id = d.cluster_id WHERE d.hostname = ? AND d.verified = 1",
            (server_name,),
        )
        .await?;
    let addr = addr.ok_or_else(|| anyhow::anyhow!("unknown domain {server_name}"))?;
    let _: () = conn.set_ex(&key, &addr, 300).await?;
    Ok(addr)
}
