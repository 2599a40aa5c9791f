//! Multi-tenant invoice API on bare hyper 0.14.

mod tenant_db;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use hyper::server::conn::AddrStream;
use hyper::service::{make_service_fn, service_fn};
use hyper::{Body, Request, Response, Server, StatusCode};
use serde::Serialize;

struct Config {
    fx_api: String,
}

#[derive(Serialize)]
struct Totals {
    tenant: String,
    open_invoices: i64,
    open_amount_eur: f64,
}

static HTTP: OnceLock<reqwest::Client> = OnceLock::new();

fn http() -> &'static reqwest::Client {
    HTTP.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()
            .expect("http client")
    })
}

async fn totals(tenant: &str, cfg: &Config) -> Result<Totals, Box<dyn std::error::Error + Send + Sync>> {
    let pool = tenant_db::pool_for(tenant).await?;
    let (count, amount, currency): (i64, f64, String) = sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(amount), 0), MAX(currency) FROM invoices WHERE status = 'open'",
    )
    .fetch_one(&pool)
    .await?;
    let rate: f64 = http()
        .get(format!("{}/rates/{currency}/EUR", cfg.fx_api))
        .send()
        .await?
        .json()
        .await?;
    Ok(Totals { tenant: tenant.to_string(), open_invoices: count, open_amount_eur: amount * rate })
}

async fn handle(req: Request<Body>, cfg: Arc<Config>) -> Result<Response<Body>, Infallible> {
    let tenant = req
        .headers()
        .get("x-tenant")
        .and_then(|v| v.to_str().ok())
        .filter(|t| t.chars().all(|c| c.is_ascii_alphanumeric()))
        .map(str::to_string);

    let resp = match (req.uri().path(), tenant) {
        ("/invoices/totals", Some(t)) => match totals(&t, &cfg).await {
            Ok(body) => Response::new(Body::from(serde_json::to_vec(&body).unwrap())),
            Err(e) => Response::builder()
                .status(StatusCode::BAD_GATEWAY)
                .body(Body::from(e.to_string()))
                .unwrap(),
        },
        (_, None) => Response::builder().status(StatusCode::BAD_REQUEST).body(Body::from("x-tenant required")).unwrap(),
        _ => Response::builder().status(StatusCode::NOT_FOUND).body(Body::empty()).unwrap(),
    };
    Ok(resp)
}

#[tokio::main]
async fn main() {
    let cfg = Arc::new(Config {
        fx_api: std::env::var("FX_API").unwrap_or_else(|_| "https://fx.internal".into()),
    });

    let make_svc = make_service_fn(move |conn: &AddrStream| {
        let cfg = cfg.clone();
        let peer = conn.remote_addr();
        async move {
            Ok::<_, Infallible>(service_fn(move |req| {
                eprintln!("{peer} {} {}", req.method(), req.uri());
                handle(req, cfg.clone())
            }))
        }
    });

    let addr = SocketAddr::from(([0, 0, 0, 0], 7000));
    if let Err(e) = Server::bind(&addr).serve(make_svc).await {
        eprintln!("server error: {e}");
    }
}
