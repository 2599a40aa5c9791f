//! Entry point. Run under WasmEdge:
//!
//!   wasmedge --env DATABASE_URL=mysql://orders:secret@10.0.0.5:3306/shop orders.wasm
//!   wasmedge --env DATABASE_URL=... orders.wasm --init-schema   (one-off)

mod db;
mod handlers;

use hyper::server::conn::Http;
use hyper::service::service_fn;
use std::net::SocketAddr;
use tokio::net::TcpListener;

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let url = std::env::var("DATABASE_URL")?;
    let pool = db::build_pool(&url)?;
    db::wait_ready(&pool).await?;

    if std::env::args().any(|a| a == "--init-schema") {
        db::init_schema(&pool).await?;
        pool.disconnect().await?;
        println!("schema ready");
        return Ok(());
    }

    let port: u16 = std::env::var("PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(8080);
    let addr = SocketAddr::from(([0, 0, 0, 0], port));
    let listener = TcpListener::bind(addr).await?;
    println!("orders service listening on http://{addr}");

    loop {
        let (stream, _) = listener.accept().await?;
        let pool = pool.clone();
        tokio::task::spawn(async move {
            let service = service_fn(move |req| handlers::handle(req, pool.clone()));
            if let Err(err) = Http::new().serve_connection(stream, service).await {
                eprintln!("connection error: {err:?}");
            }
        });
    }
}
