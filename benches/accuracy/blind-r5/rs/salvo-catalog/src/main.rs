mod db;

use salvo::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize)]
struct FxRate {
    rate: f64,
}

#[derive(Debug, Serialize)]
struct Quote {
    sku: String,
    currency: String,
    price: f64,
}

#[handler]
async fn health(res: &mut Response) {
    res.render(Text::Plain("ok"));
}

#[handler]
async fn list_products(req: &mut Request, res: &mut Response) {
    let limit = req.query::<i64>("limit").unwrap_or(50).min(200);

    let pool = match db::pool().await {
        Ok(pool) => pool,
        Err(err) => {
            tracing::error!(?err, "database unavailable");
            res.status_code(StatusCode::SERVICE_UNAVAILABLE);
            return;
        }
    };

    match db::list_products(&pool, limit).await {
        Ok(products) => res.render(Json(products)),
        Err(err) => {
            tracing::error!(?err, "query failed");
            res.status_code(StatusCode::INTERNAL_SERVER_ERROR);
        }
    }
}

#[handler]
async fn price_quote(req: &mut Request, res: &mut Response) {
    let sku = req.query::<String>("sku").unwrap_or_default();
    let currency = req.query::<String>("currency").unwrap_or_else(|| "EUR".into());
    let base_cents: i64 = req.query::<i64>("base_cents").unwrap_or(0);

    let http = reqwest::Client::new();
    let url = format!("https://fx.internal.example.com/v1/rates/USD/{currency}");
    let fx = match http.get(&url).send().await {
        Ok(resp) => resp.json::<FxRate>().await.ok(),
        Err(err) => {
            tracing::warn!(?err, "fx lookup failed");
            None
        }
    };

    match fx {
        Some(fx) => res.render(Json(Quote {
            sku,
            currency,
            price: base_cents as f64 / 100.0 * fx.rate,
        })),
        None => {
            res.status_code(StatusCode::BAD_GATEWAY);
        }
    }
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt().init();

    let router = Router::new()
        .push(Router::with_path("healthz").get(health))
        .push(Router::with_path("products").get(list_products))
        .push(Router::with_path("quote").get(price_quote));

    let acceptor = TcpListener::new("0.0.0.0:5800").bind().await;
    Server::new(acceptor).serve(router).await;
}
