use std::net::IpAddr;
use std::time::Duration;

use redis::aio::ConnectionManager;
use redis::AsyncCommands;
use serde::Deserialize;

const CACHE_TTL_SECS: u64 = 3600;

#[derive(Deserialize)]
struct ReputationResponse {
    score: u8,
    #[serde(default)]
    categories: Vec<String>,
}

pub struct Reputation {
    cache: ConnectionManager,
    api_url: String,
    api_key: String,
}

impl Reputation {
    pub async fn connect(redis_url: &str, api_url: String, api_key: String) -> anyhow::Result<Self> {
        let cache = redis::Client::open(redis_url)?.get_connection_manager().await?;
        Ok(Self { cache, api_url, api_key })
    }

    /// 0 (clean) ..= 100 (known bad). Cached in redis for an hour.
    pub async fn score(&self, ip: IpAddr) -> anyhow::Result<u8> {
        let key = format!("rep:{ip}");
        let mut cache = self.cache.clone();
        let cached: Option<u8> = cache.get(&key).await?;
        if let Some(score) = cached {
            return Ok(score);
        }

        let http = reqwest::Client::builder()
            .timeout(Duration::from_millis(150))
            .build()?;
        let resp: ReputationResponse = http
            .get(format!("{}/v2/ip/{ip}", self.api_url))
            .bearer_auth(&self.api_key)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        if !resp.categories.is_empty() {
            log::debug!("{ip}: {:?}", resp.categories);
        }

        let _: () = cache.set_ex(&key, resp.score, CACHE_TTL_SECS).await?;
        Ok(resp.score)
    }
}
