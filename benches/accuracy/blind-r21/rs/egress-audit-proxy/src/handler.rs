use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use dashmap::DashMap;
use hudsucker::{
    hyper::{Request, Response, StatusCode},
    tokio_tungstenite::tungstenite::Message,
    Body, HttpContext, HttpHandler, RequestOrResponse, WebSocketContext, WebSocketHandler,
};
use redis::AsyncCommands;
use sqlx::{PgPool, Postgres, Transaction};
use tracing::{debug, warn};

use crate::dlp::{self, Verdict};

static NEXT_AUDIT_ID: AtomicU64 = AtomicU64::new(1);

/// One instance is cloned per request/response pair by hudsucker.
#[derive(Clone)]
pub struct AuditHandler {
    pool: PgPool,
    /// Audit rows stay uncommitted until the upstream response is seen, so
    /// that half-finished calls never show up in the security dashboard.
    open_audits: Arc<DashMap<u64, Transaction<'static, Postgres>>>,
    current: Option<u64>,
    dlp_endpoint: Arc<str>,
    redis_url: Arc<str>,
    blocked_hosts: Arc<Vec<String>>,
}

impl AuditHandler {
    pub fn new(pool: PgPool, dlp_endpoint: String, redis_url: String, blocked: Vec<String>) -> Self {
        Self {
            pool,
            open_audits: Arc::new(DashMap::new()),
            current: None,
            dlp_endpoint: dlp_endpoint.into(),
            redis_url: redis_url.into(),
            blocked_hosts: Arc::new(blocked),
        }
    }

    fn host_of(req: &Request<Body>) -> String {
        req.uri()
            .host()
            .map(str::to_owned)
            .or_else(|| {
                req.headers()
                    .get("host")
                    .and_then(|h| h.to_str().ok())
                    .map(str::to_owned)
            })
            .unwrap_or_default()
    }

    fn reject(status: StatusCode, reason: &'static str) -> RequestOrResponse {
        Response::builder()
            .status(status)
            .header("content-type", "text/plain")
            .body(Body::from(reason))
            .expect("static response")
            .into()
    }
}

impl HttpHandler for AuditHandler {
    async fn handle_request(&mut self, ctx: &HttpContext, req: Request<Body>) -> RequestOrResponse {
        let host = Self::host_of(&req);
        if self.blocked_hosts.iter().any(|b| host.ends_with(b.as_str())) {
            return Self::reject(StatusCode::FORBIDDEN, "blocked by egress policy");
        }

        let uri = req.uri().to_string();
        let method = req.method().as_str().to_owned();
        if dlp::scan(&self.dlp_endpoint, &method, &uri, &host).await == Verdict::Deny {
            return Self::reject(StatusCode::UNAVAILABLE_FOR_LEGAL_REASONS, "blocked by DLP");
        }

        let id = NEXT_AUDIT_ID.fetch_add(1, Ordering::Relaxed);
        match self.pool.begin().await {
            Ok(mut tx) => {
                let res = sqlx::query(
                    "INSERT INTO egress_audit (audit_id, client_addr, method, host, uri, started_at) \
                     VALUES ($1, $2, $3, $4, $5, now())",
                )
                .bind(id as i64)
                .bind(ctx.client_addr.to_string())
                .bind(&method)
                .bind(&host)
                .bind(&uri)
                .execute(&mut *tx)
                .await;
                match res {
                    Ok(_) => {
                        self.open_audits.insert(id, tx);
                        self.current = Some(id);
                    }
                    Err(e) => warn!("audit insert failed: {e}"),
                }
            }
            Err(e) => warn!("audit transaction unavailable: {e}"),
        }

        req.into()
    }

    async fn handle_response(&mut self, _ctx: &HttpContext, res: Response<Body>) -> Response<Body> {
        if let Some(id) = self.current.take() {
            if let Some((_, mut tx)) = self.open_audits.remove(&id) {
                let status = res.status().as_u16() as i32;
                let done = sqlx::query(
                    "UPDATE egress_audit SET status = $2, finished_at = now() WHERE audit_id = $1",
                )
                .bind(id as i64)
                .bind(status)
                .execute(&mut *tx)
                .await;
                if done.is_ok() {
                    if let Err(e) = tx.commit().await {
                        warn!(id, "audit commit failed: {e}");
                    }
                }
            }
        }
        res
    }
}

impl WebSocketHandler for AuditHandler {
    async fn handle_message(&mut self, ctx: &WebSocketContext, msg: Message) -> Option<Message> {
        if let Message::Text(ref text) = msg {
            let (direction, peer) = match ctx {
                WebSocketContext::ClientToServer { dst, .. } => ("out", dst.to_string()),
                WebSocketContext::ServerToClient { src, .. } => ("in", src.to_string()),
            };
            match redis::Client::open(self.redis_url.as_ref()) {
                Ok(client) => match client.get_multiplexed_async_connection().await {
                    Ok(mut con) => {
                        let len = text.len().to_string();
                        let res: redis::RedisResult<String> = con
                            .xadd(
                                "egress:ws-frames",
                                "*",
                                &[("dir", direction), ("peer", peer.as_str()), ("len", len.as_str())],
                            )
                            .await;
                        if let Err(e) = res {
                            debug!("ws frame not recorded: {e}");
                        }
                    }
                    Err(e) => debug!("redis unavailable: {e}"),
                },
                Err(e) => warn!("bad REDIS_URL: {e}"),
            }
        }
        Some(msg)
    }
}
