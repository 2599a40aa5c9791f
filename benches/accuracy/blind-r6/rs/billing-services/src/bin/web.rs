use std::convert::Infallible;
use std::net::SocketAddr;

use bytes::Bytes;
use http_body_util::Full;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use sqlx::PgPool;
use tokio::net::TcpListener;

use billing::Invoice;

async fn route(req: Request<hyper::body::Incoming>, pool: PgPool) -> Result<Response<Full<Bytes>>, Infallible> {
    let reply = |status: StatusCode, body: String| {
        Response::builder()
            .status(status)
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from(body)))
            .unwrap()
    };

    let path = req.uri().path().to_owned();
    match (req.method(), path.strip_prefix("/invoices/")) {
        (&Method::GET, Some(id)) => {
            let Ok(id) = id.parse::<i64>() else {
                return Ok(reply(StatusCode::BAD_REQUEST, r#"{"error":"bad id"}"#.into()));
            };
            let row = sqlx::query_as::<_, Invoice>(
                "SELECT id, account_id, amount_cents, status FROM invoices WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(&pool)
            .await;
            Ok(match row {
                Ok(Some(inv)) => reply(StatusCode::OK, serde_json::to_string(&inv).unwrap()),
                Ok(None) => reply(StatusCode::NOT_FOUND, r#"{"error":"not found"}"#.into()),
                Err(e) => {
                    tracing::error!(error = %e, "invoice lookup failed");
                    reply(StatusCode::INTERNAL_SERVER_ERROR, r#"{"error":"db"}"#.into())
                }
            })
        }
        _ => Ok(reply(StatusCode::NOT_FOUND, r#"{"error":"no route"}"#.into())),
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = billing::connect_pool(20).await?;
    let addr = SocketAddr::from(([0, 0, 0, 0], 8080));
    let listener = TcpListener::bind(addr).await?;
    tracing::info!(%addr, "billing web listening");

    loop {
        let (stream, _) = listener.accept().await?;
        let io = TokioIo::new(stream);
        let pool = pool.clone();
        tokio::spawn(async move {
            let svc = service_fn(move |req| route(req, pool.clone()));
            if let Err(e) = http1::Builder::new().serve_connection(io, svc).await {
                tracing::debug!(error = %e, "connection error");
            }
        });
    }
}
