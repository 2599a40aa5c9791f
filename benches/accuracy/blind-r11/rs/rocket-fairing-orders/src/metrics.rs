use redis::AsyncCommands;
use rocket::fairing::{Fairing, Info, Kind};
use rocket::{Request, Response};

/// Counts responses per route and status in Redis for the ops dashboard.
pub struct RequestMetrics;

#[rocket::async_trait]
impl Fairing for RequestMetrics {
    fn info(&self) -> Info {
        Info {
            name: "Request metrics",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, req: &'r Request<'_>, res: &mut Response<'r>) {
        let route = req
            .route()
            .and_then(|r| r.name.as_deref())
            .unwrap_or("unmatched");
        let key = format!("http:{route}:{}", res.status().code);
        let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".to_owned());
        if let Ok(client) = redis::Client::open(url) {
            if let Ok(mut con) = client.get_multiplexed_async_connection().await {
                let _: redis::RedisResult<i64> = con.incr(&key, 1).await;
            }
        }
    }
}
