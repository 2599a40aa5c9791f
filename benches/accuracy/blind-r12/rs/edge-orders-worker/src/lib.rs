mod db;

use serde::{Deserialize, Serialize};
use worker::*;

use db::pg_err;

#[derive(Serialize, Deserialize)]
struct Order {
    id: i64,
    sku: String,
    quantity: i32,
    status: String,
}

#[derive(Deserialize)]
struct NewOrder {
    sku: String,
    quantity: i32,
}

#[derive(Deserialize)]
struct Stock {
    available: i32,
}

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    Router::new()
        .get_async("/orders/:id", get_order)
        .post_async("/orders", create_order)
        .run(req, env)
        .await
}

async fn get_order(_req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let id: i64 = match ctx.param("id").and_then(|raw| raw.parse().ok()) {
        Some(id) => id,
        None => return Response::error("bad order id", 400),
    };

    let cache = ctx.kv("ORDER_CACHE")?;
    let cache_key = format!("order:{id}");
    if let Some(cached) = cache.get(&cache_key).text().await? {
        let mut resp = Response::ok(cached)?;
        resp.headers_mut().set("content-type", "application/json")?;
        return Ok(resp);
    }

    let client = db::connect(&ctx.env).await?;
    let row = client
        .query_opt("SELECT id, sku, quantity, status FROM orders WHERE id = $1", &[&id])
        .await
        .map_err(pg_err)?;
    let Some(row) = row else {
        return Response::error("order not found", 404);
    };

    let order = Order {
        id: row.get(0),
        sku: row.get(1),
        quantity: row.get(2),
        status: row.get(3),
    };
    let body = serde_json::to_string(&order)?;
    cache.put(&cache_key, body.clone())?.expiration_ttl(60).execute().await?;

    let mut resp = Response::ok(body)?;
    resp.headers_mut().set("content-type", "application/json")?;
    Ok(resp)
}

async fn create_order(mut req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let new_order: NewOrder = req.json().await?;
    if new_order.quantity <= 0 {
        return Response::error("quantity must be positive", 422);
    }

    // Workers' fetch has no connection pool of ours to manage.
    let inventory = ctx.var("INVENTORY_API")?.to_string();
    let stock_url = Url::parse(&format!("{inventory}/stock/{}", new_order.sku))?;
    let stock: Stock = Fetch::Url(stock_url).send().await?.json().await?;
    if stock.available < new_order.quantity {
        return Response::error("insufficient stock", 409);
    }

    let client = db::connect(&ctx.env).await?;
    let row = client
        .query_one(
            "INSERT INTO orders (sku, quantity, status) VALUES ($1, $2, 'pending') RETURNING id",
            &[&new_order.sku, &new_order.quantity],
        )
        .await
        .map_err(pg_err)?;

    let order = Order {
        id: row.get(0),
        sku: new_order.sku,
        quantity: new_order.quantity,
        status: "pending".to_string(),
    };
    Ok(Response::from_json(&order)?.with_status(201))
}
