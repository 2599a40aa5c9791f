mod shipper;

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use pingora::prelude::*;
use redis::AsyncCommands;

pub struct EdgeGateway {
    upstreams: Arc<LoadBalancer<RoundRobin>>,
    redis_url: String,
    per_minute_limit: u64,
}

pub struct RequestCtx {
    api_key: Option<String>,
    started: Instant,
}

fn current_minute() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() / 60)
        .unwrap_or(0)
}

#[async_trait]
impl ProxyHttp for EdgeGateway {
    type CTX = RequestCtx;

    fn new_ctx(&self) -> Self::CTX {
        RequestCtx {
            api_key: None,
            started: Instant::now(),
        }
    }

    async fn request_filter(&self, session: &mut Session, ctx: &mut Self::CTX) -> Result<bool> {
        let key = session
            .req_header()
            .headers
            .get("x-api-key")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);

        let Some(key) = key else {
            let _ = session.respond_error(401).await;
            return Ok(true);
        };
        ctx.api_key = Some(key.clone());

        // Fixed-window rate limit, one counter per key per minute.
        let limiter = match redis::Client::open(self.redis_url.as_str()) {
            Ok(client) => client,
            Err(e) => {
                log::warn!("rate limiter disabled: {e}");
                return Ok(false);
            }
        };
        let mut conn = match limiter.get_multiplexed_async_connection().await {
            Ok(conn) => conn,
            Err(e) => {
                log::warn!("rate limiter unreachable, failing open: {e}");
                return Ok(false);
            }
        };

        let bucket = format!("rl:{}:{}", key, current_minute());
        let hits: u64 = conn.incr(&bucket, 1u64).await.unwrap_or(0);
        if hits == 1 {
            let _: redis::RedisResult<()> = conn.expire(&bucket, 60).await;
        }
        if hits > self.per_minute_limit {
            let _ = session.respond_error(429).await;
            return Ok(true);
        }
        Ok(false)
    }

    async fn upstream_peer(&self, _session: &mut Session, _ctx: &mut Self::CTX) -> Result<Box<HttpPeer>> {
        let upstream = self
            .upstreams
            .select(b"", 256)
            .ok_or_else(|| Error::explain(ErrorType::HTTPStatus(502), "no healthy upstream"))?;
        let peer = HttpPeer::new(upstream, true, "api.internal.example.com".to_string());
        Ok(Box::new(peer))
    }

    async fn logging(&self, session: &mut Session, e: Option<&pingora::Error>, ctx: &mut Self::CTX) {
        let status = session
            .response_written()
            .map_or(0, |resp| resp.status.as_u16());
        let record = serde_json::json!({
            "path": session.req_header().uri.path(),
            "method": session.req_header().method.as_str(),
            "status": status,
            "api_key": ctx.api_key,
            "elapsed_ms": ctx.started.elapsed().as_millis() as u64,
            "error": e.map(|err| err.to_string()),
        });

        let collector = shipper::client();
        if let Err(err) = collector.post(shipper::endpoint()).json(&record).send().await {
            log::warn!("access log not shipped: {err}");
        }
    }
}

fn main() {
    env_logger::init();

    let mut server = Server::new(None).expect("server");
    server.bootstrap();

    let mut upstreams =
        LoadBalancer::try_from_iter(["10.0.1.10:443", "10.0.1.11:443", "10.0.1.12:443"]).unwrap();
    let hc = TcpHealthCheck::new();
    upstreams.set_health_check(hc);
    upstreams.health_check_frequency = Some(Duration::from_secs(5));
    let background = background_service("upstream health check", upstreams);
    let upstreams = background.task();

    let gateway = EdgeGateway {
        upstreams,
        redis_url: std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
        per_minute_limit: 600,
    };

    let mut proxy = http_proxy_service(&server.configuration, gateway);
    proxy.add_tcp("0.0.0.0:6188");

    server.add_service(background);
    server.add_service(proxy);
    server.run_forever();
}
