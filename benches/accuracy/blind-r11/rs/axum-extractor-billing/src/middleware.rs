use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use redis::AsyncCommands;

use crate::AppState;

const LIMIT_PER_MINUTE: i64 = 120;

/// Per-API-key quota, counted in Redis through the shared ConnectionManager.
pub async fn quota(State(state): State<AppState>, req: Request, next: Next) -> Result<Response, StatusCode> {
    let key = req.headers().get("x-api-key").and_then(|v| v.to_str().ok()).ok_or(StatusCode::UNAUTHORIZED)?.to_owned();

    let mut redis = state.redis.clone();
    let bucket = format!("quota:{key}");
    let used: i64 = redis.incr(&bucket, 1).await.map_err(|_| StatusCode::SERVICE_UNAVAILABLE)?;
    if used == 1 {
        let _: redis::RedisResult<bool> = redis.expire(&bucket, 60).await;
    }
    if used > LIMIT_PER_MINUTE {
        return Err(StatusCode::TOO_MANY_REQUESTS);
    }
    Ok(next.run(req).await)
}
