mod sessions;
mod store;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use redis::AsyncCommands;
use serde::Deserialize;
use tokio::net::TcpListener;

struct App {
    store: deadpool_postgres::Pool,
    sessions: sessions::SessionPool,
}

#[derive(Deserialize)]
struct Login {
    email: String,
}

fn reply(status: StatusCode, body: impl Into<Bytes>) -> Response<Full<Bytes>> {
    Response::builder()
        .status(status)
        .body(Full::new(body.into()))
        .unwrap()
}

async fn too_many_attempts(ip: &str) -> anyhow::Result<bool> {
    let limiter = redis::Client::open(
        std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
    )?;
    let mut con = limiter.get_multiplexed_async_connection().await?;
    let key = format!("login-attempts:{ip}");
    let attempts: i64 = con.incr(&key, 1).await?;
    let _: bool = con.expire(&key, 60).await?;
    Ok(attempts > 10)
}

async fn login(app: &App, peer: SocketAddr, req: Request<Incoming>) -> anyhow::Result<Response<Full<Bytes>>> {
    if too_many_attempts(&peer.ip().to_string()).await? {
        return Ok(reply(StatusCode::TOO_MANY_REQUESTS, "slow down"));
    }
    let body = req.into_body().collect().await?.to_bytes();
    let login: Login = serde_json::from_slice(&body)?;
    let Some(user_id) = store::user_id_for_email(&app.store, &login.email).await? else {
        return Ok(reply(StatusCode::UNAUTHORIZED, "unknown user"));
    };
    let token = sessions::create(&app.sessions, user_id).await?;
    Ok(reply(StatusCode::OK, token))
}

async fn route(
    app: Arc<App>,
    peer: SocketAddr,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let res = match (req.method(), req.uri().path()) {
        (&Method::GET, "/healthz") => Ok(reply(StatusCode::OK, "ok")),
        (&Method::POST, "/login") => login(&app, peer, req).await,
        _ => Ok(reply(StatusCode::NOT_FOUND, "not found")),
    };
    Ok(res.unwrap_or_else(|err| {
        eprintln!("request failed: {err:#}");
        reply(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
    }))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let store = store::build_pool()?;
    let sessions = sessions::connect().await?;
    let app = Arc::new(App { store, sessions });

    let addr = SocketAddr::from(([0, 0, 0, 0], 3000));
    let listener = TcpListener::bind(addr).await?;
    println!("listening on http://{addr}");

    loop {
        let (stream, peer) = listener.accept().await?;
        let io = TokioIo::new(stream);
        let app = app.clone();

        tokio::spawn(async move {
            let svc = service_fn(move |req| route(app.clone(), peer, req));
            if let Err(err) = http1::Builder::new().serve_connection(io, svc).await {
                eprintln!("connection error: {err:?}");
            }
        });
    }
}
