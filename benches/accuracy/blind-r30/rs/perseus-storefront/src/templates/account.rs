use perseus::prelude::*;
use serde::{Deserialize, Serialize};
use sycamore::prelude::*;

#[derive(Serialize, Deserialize, Clone, ReactiveState)]
#[rx(alias = "AccountStateRx")]
struct AccountState {
    customer_name: String,
    loyalty_points: i64,
    open_orders: Vec<String>,
    member_price: String,
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[cfg(engine)]
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("missing customer header")]
    NoCustomer,
}

#[auto_scope]
fn account_page<G: Html>(cx: Scope, state: &AccountStateRx) -> View<G> {
    view! { cx,
        h1 { "Welcome back, " (state.customer_name.get()) }
        p { "Loyalty points: " (state.loyalty_points.get()) }
        p { "Your member price on the Trailhead 2P tent: " (state.member_price.get()) }
        ul {
            Indexed(
                iterable = &state.open_orders,
                view = |cx, order| view! { cx, li { (order) } },
            )
        }
    }
}

#[engine_only_fn]
fn head(cx: Scope) -> View<SsrNode> {
    view! { cx, title { "My account | Northwind Outdoor" } }
}

// Runs on the server for every request to /account.
#[engine_only_fn]
async fn get_request_state(
    _info: StateGeneratorInfo<()>,
    req: Request,
) -> Result<AccountState, BlamedError<AccountError>> {
    let customer_id: i64 = req
        .headers()
        .get("x-customer-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .ok_or(AccountError::NoCustomer)?;

    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(4)
        .connect(&database_url)
        .await
        .map_err(AccountError::Db)?;

    let (customer_name, loyalty_points): (String, i64) =
        sqlx::query_as("SELECT display_name, loyalty_points FROM customers WHERE id = $1")
            .bind(customer_id)
            .fetch_one(&pool)
            .await
            .map_err(AccountError::Db)?;

    let open_orders: Vec<String> = sqlx::query_scalar(
        "SELECT order_ref FROM orders WHERE customer_id = $1 AND status <> 'delivered' ORDER BY placed_at DESC",
    )
    .bind(customer_id)
    .fetch_all(&pool)
    .await
    .map_err(AccountError::Db)?;

    let pricing = crate::pricing::client();
    let member_price = crate::pricing::member_price(&pricing, customer_id, "TENT-TRAILHEAD-2P")
        .await
        .unwrap_or_else(|_| "unavailable".to_string());

    Ok(AccountState {
        customer_name,
        loyalty_points,
        open_orders,
        member_price,
    })
}

pub fn get_template<G: Html>() -> Template<G> {
    Template::build("account")
        .request_state_fn(get_request_state)
        .view_with_state(account_page)
        .head(head)
        .build()
}
