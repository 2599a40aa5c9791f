mod db;
mod routes;
mod stats;

use anyhow::Result;
use northstar::{Server, GEMINI_PORT};

#[tokio::main]
async fn main() -> Result<()> {
    env_logger::init();

    let tls_dir = std::env::var("CAPSULE_TLS_DIR").unwrap_or_else(|_| "/var/lib/phlog/tls".to_string());
    let port = std::env::var("CAPSULE_PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(GEMINI_PORT);

    // Fail fast if the database is unreachable instead of on the first visitor.
    if let Err(e) = db::shared().await {
        log::error!("phlog database unavailable: {}", e);
        return Err(e);
    }

    log::info!("serving gemini://0.0.0.0:{}/", port);

    Server::bind(("0.0.0.0", port))
        .set_tls_dir(tls_dir)
        .add_route("/", routes::index)
        .add_route("/post", routes::post)
        .add_route("/search", routes::search)
        .serve()
        .await
}
