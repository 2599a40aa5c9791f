mod db;
mod routes;

use hyperlane::*;

async fn request_middleware(ctx: Context) {
    ctx.set_response_header("Server", "quote-api").await;
    ctx.set_response_header("Connection", "keep-alive").await;
}

async fn response_middleware(ctx: Context) {
    let _ = ctx.send().await;
}

async fn health(ctx: Context) {
    let ok = sqlx::query("SELECT 1").execute(db::pool()).await.is_ok();
    ctx.set_response_status_code(if ok { 200 } else { 503 }).await;
    ctx.set_response_body(if ok { "ok" } else { "db down" }).await;
}

#[tokio::main]
async fn main() {
    let pool = db::connect()
        .await
        .expect("could not connect to the shop database at start-up");
    db::install(pool);

    let port: usize = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(8080);

    let server: Server = Server::new();
    server.host("0.0.0.0").await;
    server.port(port).await;
    server.enable_nodelay().await;
    server.request_middleware(request_middleware).await;
    server.response_middleware(response_middleware).await;
    server.route("/health", health).await;
    server.route("/products", routes::list_products).await;
    server.route("/quotes", routes::create_quote).await;
    server.route("/products/{sku}/stock", routes::stock_level).await;
    println!("quote-api listening on :{port}");
    server.run().await.unwrap();
}
