//! silent web server for the dispatch tablets. Every handler in handlers.rs runs once
//! per HTTP request; they all read the same PgPool out of the server Configs.

use std::net::SocketAddr;

use silent::prelude::*;

mod db;
mod geocode;
mod handlers;

#[tokio::main]
async fn main() {
    logger::fmt().with_max_level(Level::INFO).init();

    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let pool = db::connect(&url).await.expect("database unreachable after retries");

    let mut configs = Configs::default();
    configs.insert(pool);

    let route = Route::new("api/v1").append(
        Route::new("tickets")
            .get(handlers::list_open)
            .post(handlers::create)
            .append(Route::new("<id:i64>").get(handlers::get_one))
            .append(Route::new("<id:i64>/close").post(handlers::close)),
    );

    let addr: SocketAddr = std::env::var("LISTEN")
        .unwrap_or_else(|_| "0.0.0.0:8080".into())
        .parse()
        .expect("LISTEN");
    Server::new()
        .with_configs(configs)
        .bind(addr)
        .serve(route)
        .await;
}
