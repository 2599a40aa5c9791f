use redis::aio::MultiplexedConnection;

pub async fn connect() -> redis::RedisResult<MultiplexedConnection> {
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let client = redis::Client::open(url)?;
    client.get_multiplexed_async_connection().await
}
