use std::fmt::Display;

use crate::db::PgPool;

fn log_err<E: Display>(err: E) {
    error!("request failed: {}", err);
}

#[derive(Clone, Debug)]
pub struct Catalog {
    pool: PgPool,
    pricing: reqwest::Client,
    pricing_url: String,
}

impl Catalog {
    pub fn new(pool: PgPool, pricing: reqwest::Client, pricing_url: String) -> Catalog {
        Catalog { pool, pricing, pricing_url }
    }
}

#[derive(Debug, Response)]
pub struct ProductView {
    id: i32,
    sku: String,
    name: String,
    on_hand: i32,
    price_cents: i64,
}

#[derive(Debug, Deserialize)]
struct PriceQuote {
    price_cents: i64,
}

#[derive(Debug, Extract)]
pub struct StockAdjustment {
    sku: String,
    delta: i32,
    reason: String,
}

#[derive(Debug, Response)]
pub struct StockView {
    sku: String,
    on_hand: i32,
}

impl_web! {
    impl Catalog {
        #[get("/products/:id")]
        #[content_type("json")]
        fn product(&self, id: i32) -> Result<ProductView, ()> {
            let conn = self.pool.get().map_err(log_err)?;
            let rows = conn
                .query("SELECT id, sku, name, on_hand FROM products WHERE id = $1", &[&id])
                .map_err(log_err)?;
            let row = rows.iter().next().ok_or(())?;
            let sku: String = row.get(1);

            let mut resp = self
                .pricing
                .get(&format!("{}/v1/prices/{}", self.pricing_url, sku))
                .send()
                .map_err(log_err)?;
            let quote: PriceQuote = resp.json().map_err(log_err)?;

            Ok(ProductView {
                id: row.get(0),
                sku,
                name: row.get(2),
                on_hand: row.get(3),
                price_cents: quote.price_cents,
            })
        }

        #[post("/stock/adjustments")]
        #[content_type("json")]
        fn adjust(&self, body: StockAdjustment) -> Result<StockView, ()> {
            let conn = self.pool.get().map_err(log_err)?;
            let tx = conn.transaction().map_err(log_err)?;
            let rows = tx
                .query(
                    "UPDATE products SET on_hand = on_hand + $2 WHERE sku = $1 RETURNING on_hand",
                    &[&body.sku, &body.delta],
                )
                .map_err(log_err)?;
            let on_hand: i32 = rows.iter().next().ok_or(())?.get(0);
            tx.execute(
                "INSERT INTO stock_movements (sku, delta, reason, at) VALUES ($1, $2, $3, now())",
                &[&body.sku, &body.delta, &body.reason],
            )
            .map_err(log_err)?;
            tx.commit().map_err(log_err)?;
            Ok(StockView { sku: body.sku, on_hand })
        }
    }
}

#[derive(Clone, Debug)]
pub struct Health {
    pool: PgPool,
}

impl Health {
    pub fn new(pool: PgPool) -> Health {
        Health { pool }
    }
}

impl_web! {
    impl Health {
        #[get("/healthz")]
        fn healthz(&self) -> Result<&'static str, ()> {
            let conn = self.pool.get().map_err(log_err)?;
            conn.execute("SELECT 1", &[]).map_err(log_err)?;
            Ok("ok")
        }
    }
}
