use fulfil::{db, Order};
use graphul::extract::{Json, Path, State};
use graphul::http::StatusCode;
use graphul::Graphul;
use sqlx::PgPool;

#[derive(Clone)]
struct AppState {
    db: PgPool,
}

async fn get_order(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Json<Order>, StatusCode> {
    sqlx::query_as::<_, Order>("SELECT id, customer_id, total_cents, status FROM orders WHERE id = $1")
        .bind(id)
        .fetch_optional(&state.db)
        .await
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?
        .map(Json)
        .ok_or(StatusCode::NOT_FOUND)
}

async fn pending_orders(State(state): State<AppState>) -> Result<Json<Vec<Order>>, StatusCode> {
    let orders = sqlx::query_as::<_, Order>(
        "SELECT id, customer_id, total_cents, status FROM orders WHERE status = 'pending' ORDER BY id LIMIT 100",
    )
    .fetch_all(&state.db)
    .await
    .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    Ok(Json(orders))
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt::init();

    let db = db::connect(10).await.expect("failed to connect to Postgres");
    let mut app = Graphul::share_state(AppState { db });

    app.get("/orders/:id", get_order);
    app.get("/pending-orders", pending_orders);

    app.run("0.0.0.0:8080").await;
}
