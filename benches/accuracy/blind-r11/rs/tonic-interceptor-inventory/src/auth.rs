use std::time::Duration;

use redis::Commands;
use tonic::{Request, Status};

fn redis_url() -> String {
    std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".to_owned())
}

/// tonic interceptor: every call must carry an `x-api-key` that is a member
/// of the `inventory:api_keys` set.
pub fn check_api_key(req: Request<()>) -> Result<Request<()>, Status> {
    let key = req
        .metadata()
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| Status::unauthenticated("missing x-api-key"))?
        .to_owned();

    let client = redis::Client::open(redis_url()).map_err(|_| Status::internal("auth store misconfigured"))?;
    let mut con = client
        .get_connection_with_timeout(Duration::from_millis(300))
        .map_err(|_| Status::unavailable("auth store unavailable"))?;
    let known: bool = con
        .sismember("inventory:api_keys", &key)
        .map_err(|_| Status::unavailable("auth store unavailable"))?;

    if known {
        Ok(req)
    } else {
        Err(Status::permission_denied("unknown api key"))
    }
}
