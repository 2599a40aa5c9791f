//! Overweight alerts for the yard display and the compliance team.

use redis::AsyncCommands;

const CHANNEL: &str = "weighbridge:overweight";

fn render(plate: &str, kg: i32) -> String {
    format!(
        "{{\"plate\":\"{}\",\"gross_kg\":{},\"at\":{}}}",
        plate,
        kg,
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0)
    )
}

/// Publishes an overweight event and bumps the daily counter.
/// Called from the serial loop for every overweight reading.
pub async fn overweight(redis_url: &str, plate: &str, kg: i32) -> redis::RedisResult<()> {
    let client = redis::Client::open(redis_url)?;
    let mut conn = client.get_multiplexed_async_connection().await?;

    let payload = render(plate, kg);
    conn.publish::<_, _, ()>(CHANNEL, payload).await?;
    conn.incr::<_, _, ()>("weighbridge:overweight:today", 1).await?;
    conn.expire::<_, ()>("weighbridge:overweight:today", 86_400).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn renders_json() {
        let s = render("AB12CDE", 45_100);
        assert!(s.starts_with("{\"plate\":\"AB12CDE\""));
        assert!(s.contains("\"gross_kg\":45100"));
    }
}
