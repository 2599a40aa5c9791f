mod tenants;

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::Service;

use tenants::TenantPools;

#[derive(Clone)]
struct Gateway {
    tenants: TenantPools,
}

fn respond(status: StatusCode, body: String) -> Response<Full<Bytes>> {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Full::new(Bytes::from(body)))
        .unwrap()
}

fn valid_tenant(id: &str) -> bool {
    !id.is_empty() && id.len() <= 32 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl Gateway {
    async fn handle(self, req: Request<Incoming>) -> Response<Full<Bytes>> {
        let tenant = match req.headers().get("x-tenant-id").and_then(|v| v.to_str().ok()) {
            Some(t) if valid_tenant(t) => t.to_string(),
            _ => return respond(StatusCode::BAD_REQUEST, r#"{"error":"missing tenant"}"#.into()),
        };

        let pool = match self.tenants.get(&tenant) {
            Ok(pool) => pool,
            Err(err) => return respond(StatusCode::BAD_GATEWAY, format!(r#"{{"error":"{err}"}}"#)),
        };

        match req.uri().path() {
            "/orders/count" => {
                match sqlx::query_scalar::<_, i64>("SELECT count(*) FROM orders")
                    .fetch_one(&pool)
                    .await
                {
                    Ok(n) => respond(StatusCode::OK, serde_json::json!({ "orders": n }).to_string()),
                    Err(err) => respond(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        serde_json::json!({ "error": err.to_string() }).to_string(),
                    ),
                }
            }
            _ => respond(StatusCode::NOT_FOUND, r#"{"error":"not found"}"#.into()),
        }
    }
}

impl Service<Request<Incoming>> for Gateway {
    type Response = Response<Full<Bytes>>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: Request<Incoming>) -> Self::Future {
        let this = self.clone();
        Box::pin(async move { Ok(this.handle(req).await) })
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let base_url = std::env::var("TENANT_DB_BASE_URL")
        .unwrap_or_else(|_| "postgres://gateway:gateway@localhost:5432".into());
    let gateway = Gateway {
        tenants: TenantPools::new(base_url),
    };

    let addr = SocketAddr::from(([0, 0, 0, 0], 8088));
    let listener = TcpListener::bind(addr).await?;

    loop {
        let (stream, _) = listener.accept().await?;
        let svc = TowerToHyperService::new(gateway.clone());
        tokio::spawn(async move {
            if let Err(err) = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), svc)
                .await
            {
                eprintln!("connection error: {err}");
            }
        });
    }
}
