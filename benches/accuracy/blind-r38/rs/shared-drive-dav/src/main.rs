mod audit;
mod locks;

use std::convert::Infallible;
use std::net::SocketAddr;

use dav_server::localfs::LocalFs;
use dav_server::DavHandler;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::Request;
use hyper_util::rt::TokioIo;
use sqlx::postgres::PgPoolOptions;
use tokio::net::TcpListener;

use crate::locks::PgLockSystem;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let root = std::env::var("DAV_ROOT").unwrap_or_else(|_| "/srv/dav".into());
    let addr: SocketAddr = std::env::var("LISTEN_ADDR")
        .unwrap_or_else(|_| "0.0.0.0:4918".into())
        .parse()?;

    let pool = PgPoolOptions::new()
        .max_connections(16)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;

    let dav = DavHandler::builder()
        .filesystem(LocalFs::new(&root, false, false, false))
        .locksystem(PgLockSystem::new(pool.clone()))
        .build_handler();

    let listener = TcpListener::bind(addr).await?;
    tracing::info!(%addr, %root, "webdav listening");

    loop {
        let (stream, peer) = listener.accept().await?;
        let dav = dav.clone();
        tokio::spawn(async move {
            let svc = service_fn(move |req: Request<Incoming>| {
                let dav = dav.clone();
                async move {
                    let method = req.method().to_string();
                    let path = req.uri().path().to_string();
                    let user = req
                        .headers()
                        .get("x-forwarded-user")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("anonymous")
                        .to_string();
                    let resp = dav.handle(req).await;
                    let status = resp.status().as_u16();
                    tokio::spawn(audit::record(method, path, user, status, peer));
                    Ok::<_, Infallible>(resp)
                }
            });
            if let Err(err) = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), svc)
                .await
            {
                tracing::debug!(%peer, error = %err, "connection closed with error");
            }
        });
    }
}
