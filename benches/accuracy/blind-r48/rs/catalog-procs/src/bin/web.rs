use catalog_procs::db;
use catalog_procs::model::Product;
use serde_json::json;
use web_server::{Request, Response};

fn main() {
    let port: u16 = std::env::var("PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(8080);
    let pool = db::make_pool(10).expect("catalog database unavailable");

    let by_sku = pool.clone();
    let listing = pool.clone();

    web_server::new()
        .get(
            "/products/:sku",
            Box::new(move |req: Request, _resp: Response| {
                let Some(sku) = req.params.get("sku") else {
                    return json!({ "error": "sku missing" }).to_string().into();
                };
                let mut conn = match by_sku.get() {
                    Ok(conn) => conn,
                    Err(err) => return json!({ "error": err.to_string() }).to_string().into(),
                };
                match conn.query_opt(
                    "SELECT id, sku, title, description, price_cents FROM products WHERE sku = $1",
                    &[sku],
                ) {
                    Ok(Some(row)) => serde_json::to_string(&Product::from_row(&row)).unwrap_or_default().into(),
                    Ok(None) => json!({ "error": "not found" }).to_string().into(),
                    Err(err) => json!({ "error": err.to_string() }).to_string().into(),
                }
            }),
        )
        .get(
            "/products",
            Box::new(move |_req: Request, _resp: Response| {
                let mut conn = match listing.get() {
                    Ok(conn) => conn,
                    Err(err) => return json!({ "error": err.to_string() }).to_string().into(),
                };
                let rows = conn
                    .query(
                        "SELECT id, sku, title, description, price_cents FROM products \
                         WHERE active ORDER BY updated_at DESC LIMIT 50",
                        &[],
                    )
                    .unwrap_or_default();
                let products: Vec<Product> = rows.iter().map(Product::from_row).collect();
                serde_json::to_string(&products).unwrap_or_default().into()
            }),
        )
        .launch(port);
}
