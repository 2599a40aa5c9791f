use std::time::Duration;

use crate::sso::ClusterToken;

pub fn connect() -> redis::RedisResult<redis::Connection> {
    let url = std::env::var("TOKEN_CACHE_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/9".into());
    redis::Client::open(url)?.get_connection_with_timeout(Duration::from_millis(300))
}

pub fn lookup(conn: &mut redis::Connection, cluster: &str) -> anyhow::Result<Option<ClusterToken>> {
    let raw: Option<String> = redis::cmd("GET").arg(key(cluster)).query(conn)?;
    Ok(match raw {
        Some(json) => Some(serde_json::from_str(&json)?),
        None => None,
    })
}

pub fn store(conn: &mut redis::Connection, cluster: &str, token: &ClusterToken) -> anyhow::Result<()> {
    redis::cmd("SET")
        .arg(key(cluster))
        .arg(serde_json::to_string(token)?)
        .arg("EX")
        .arg(600)
        .query::<()>(conn)?;
    Ok(())
}

fn key(cluster: &str) -> String {
    let user = std::env::var("USER").unwrap_or_default();
    format!("kube-sso:{user}:{cluster}")
}
