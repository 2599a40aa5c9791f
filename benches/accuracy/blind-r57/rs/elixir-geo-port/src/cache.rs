//! Small Redis cache in front of reverse lookups, keyed by a ~10 m grid cell.

use redis::AsyncCommands;

use crate::proto::Place;

const TTL_SECS: u64 = 6 * 3600;

fn key(lat: f64, lon: f64) -> String {
    format!("geo:rev:{:.4}:{:.4}", lat, lon)
}

async fn connection(url: &str) -> redis::RedisResult<redis::aio::MultiplexedConnection> {
    let client = redis::Client::open(url)?;
    client.get_multiplexed_async_connection().await
}

pub async fn get(url: &str, lat: f64, lon: f64) -> anyhow::Result<Option<Place>> {
    let mut conn = connection(url).await?;
    let raw: Option<String> = conn.get(key(lat, lon)).await?;
    Ok(match raw {
        Some(s) => {
            let mut place: Place = serde_json::from_str(&s)?;
            place.source = "cache".to_string();
            Some(place)
        }
        None => None,
    })
}

pub async fn put(url: &str, lat: f64, lon: f64, place: &Place) -> anyhow::Result<()> {
    let mut conn = connection(url).await?;
    let body = serde_json::to_string(place)?;
    let _: () = conn.set_ex(key(lat, lon), body, TTL_SECS).await?;
    Ok(())
}
