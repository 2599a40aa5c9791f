use std::sync::{LazyLock, OnceLock};
use std::time::Duration;

use cucumber::{given, then, when, World as _};
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::{Postgres, Transaction};

/// Built once in `main`, before any scenario runs.
static POOL: OnceLock<PgPool> = OnceLock::new();

static HTTP: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("http client")
});

/// A fresh World is created for every scenario. It holds a transaction on the
/// shared pool which is rolled back when the World is dropped at the end of
/// the scenario, so scenarios never see each other's rows.
#[derive(cucumber::World)]
#[world(init = Self::new)]
struct PricingWorld {
    tx: Option<Transaction<'static, Postgres>>,
    cart_id: i64,
    quoted_cents: Option<i64>,
    taxed_on: Option<i64>,
}

impl std::fmt::Debug for PricingWorld {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PricingWorld")
            .field("cart_id", &self.cart_id)
            .field("quoted_cents", &self.quoted_cents)
            .finish_non_exhaustive()
    }
}

impl PricingWorld {
    fn new() -> Self {
        Self { tx: None, cart_id: 0, quoted_cents: None, taxed_on: None }
    }

    async fn tx(&mut self) -> &mut Transaction<'static, Postgres> {
        if self.tx.is_none() {
            let pool = POOL.get().expect("pool is initialised in main");
            self.tx = Some(pool.begin().await.expect("begin scenario transaction"));
        }
        self.tx.as_mut().expect("transaction")
    }
}

#[given(expr = "a cart with {int} units of {string} at {int} cents")]
async fn cart_with(w: &mut PricingWorld, units: i64, sku: String, unit_cents: i64) {
    let tx = w.tx().await;
    let cart_id: i64 = sqlx::query_scalar("INSERT INTO carts DEFAULT VALUES RETURNING id")
        .fetch_one(&mut **tx)
        .await
        .expect("insert cart");
    sqlx::query("INSERT INTO cart_lines (cart_id, sku, units, unit_cents) VALUES ($1, $2, $3, $4)")
        .bind(cart_id)
        .bind(&sku)
        .bind(units)
        .bind(unit_cents)
        .execute(&mut **tx)
        .await
        .expect("insert line");
    w.cart_id = cart_id;
}

#[given(expr = "a {int}% promotion on {string}")]
async fn promotion(w: &mut PricingWorld, percent: i32, sku: String) {
    let tx = w.tx().await;
    sqlx::query("INSERT INTO promotions (sku, percent_off) VALUES ($1, $2)")
        .bind(&sku)
        .bind(percent)
        .execute(&mut **tx)
        .await
        .expect("insert promotion");
}

#[when("the cart is priced")]
async fn price(w: &mut PricingWorld) {
    let cart_id = w.cart_id;
    let tx = w.tx().await;
    let quote = pricing::quote_cart(&mut **tx, cart_id).await.expect("quote");
    w.quoted_cents = Some(quote);
}

#[when("tax is requested from the sandbox")]
async fn request_tax(w: &mut PricingWorld) {
    let url = std::env::var("TAX_SANDBOX_URL").unwrap_or_else(|_| "http://localhost:8089/v1/tax".into());
    let amount = w.quoted_cents.expect("priced first");
    let body: serde_json::Value = HTTP
        .post(url)
        .json(&serde_json::json!({ "amount_cents": amount, "region": "CH-ZH" }))
        .send()
        .await
        .expect("tax sandbox reachable")
        .json()
        .await
        .expect("tax json");
    w.taxed_on = body["taxable_cents"].as_i64();
}

#[then(expr = "the quote is {int} cents")]
async fn quote_is(w: &mut PricingWorld, expected: i64) {
    assert_eq!(w.quoted_cents, Some(expected));
}

#[then(expr = "tax is charged on {int} cents")]
async fn tax_on(w: &mut PricingWorld, expected: i64) {
    assert_eq!(w.taxed_on, Some(expected));
}

#[tokio::main]
async fn main() {
    let url = std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@localhost/pricing_test".into());
    let pool = PgPoolOptions::new()
        .max_connections(4)
        .connect(&url)
        .await
        .expect("connect test database");
    sqlx::migrate!("./migrations").run(&pool).await.expect("migrations");
    POOL.set(pool.clone()).expect("pool set once");

    PricingWorld::cucumber().run("tests/features").await;

    pool.close().await;
}
