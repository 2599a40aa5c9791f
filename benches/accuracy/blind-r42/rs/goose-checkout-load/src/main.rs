//! Checkout load test. Every simulated user logs in once (on_start) and then
//! loops over the weighted transactions below until the run time is over.

use goose::prelude::*;
use rand::Rng;
use serde_json::json;
use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::sync::OnceCell;

mod verify;

/// Read-only replica used to sanity-check catalogue responses.
/// One pool for the whole attack, shared by every GooseUser.
static CATALOG: OnceCell<PgPool> = OnceCell::const_new();

async fn catalog() -> &'static PgPool {
    CATALOG
        .get_or_init(|| async {
            PgPoolOptions::new()
                .max_connections(4)
                .connect_lazy(&std::env::var("CATALOG_REPLICA_URL").expect("CATALOG_REPLICA_URL"))
                .expect("catalog replica url")
        })
        .await
}

async fn login(user: &mut GooseUser) -> TransactionResult {
    let n: u32 = rand::thread_rng().gen_range(1..5000);
    let _goose = user
        .post_json(
            "/api/session",
            &json!({ "email": format!("load+{n}@shop.test"), "password": "load-test" }),
        )
        .await?;
    Ok(())
}

async fn browse_catalog(user: &mut GooseUser) -> TransactionResult {
    let page: u32 = rand::thread_rng().gen_range(1..40);
    let mut goose = user.get(&format!("/api/products?page={page}")).await?;

    let listed: Vec<serde_json::Value> = match goose.response {
        Ok(resp) => match resp.json().await {
            Ok(items) => items,
            Err(_) => return user.set_failure("catalog: bad json", &mut goose.request, None, None),
        },
        Err(_) => return user.set_failure("catalog: no response", &mut goose.request, None, None),
    };

    let expected: i64 = sqlx::query_scalar("SELECT count(*) FROM products WHERE active AND page_no = $1")
        .bind(page as i32)
        .fetch_one(catalog().await)
        .await
        .unwrap_or(listed.len() as i64);
    if expected != listed.len() as i64 {
        return user.set_failure("catalog: page size mismatch", &mut goose.request, None, None);
    }
    Ok(())
}

async fn view_cart(user: &mut GooseUser) -> TransactionResult {
    let _goose = user.get("/api/cart").await?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), GooseError> {
    GooseAttack::initialize()?
        .register_scenario(
            scenario!("Checkout")
                .register_transaction(transaction!(login).set_on_start())
                .register_transaction(transaction!(browse_catalog).set_weight(6)?)
                .register_transaction(transaction!(view_cart).set_weight(3)?)
                .register_transaction(transaction!(verify::place_and_verify_order).set_weight(1)?),
        )
        .set_default(GooseDefault::Host, "https://staging.shop.test")?
        .execute()
        .await?;
    Ok(())
}
