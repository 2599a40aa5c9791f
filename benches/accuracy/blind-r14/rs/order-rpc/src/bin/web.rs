use jsonrpc_http_server::jsonrpc_core::{Error as RpcError, IoHandler, Params, Value};
use jsonrpc_http_server::{AccessControlAllowOrigin, DomainsValidation, ServerBuilder};
use order_rpc::db;
use serde::Deserialize;
use serde_json::json;
use sqlx::PgPool;

fn internal(e: sqlx::Error) -> RpcError {
    tracing::error!(error = %e, "database error");
    RpcError::internal_error()
}

#[derive(Deserialize)]
struct GetOrder {
    id: i64,
}

#[derive(Deserialize)]
struct PlaceOrder {
    customer_id: i64,
    sku: String,
    qty: i32,
    callback_url: Option<String>,
}

/// Each closure below runs once per JSON-RPC call; they only clone the shared pool handle.
fn build_io(pool: PgPool) -> IoHandler {
    let mut io = IoHandler::new();

    let p = pool.clone();
    io.add_method("orders.get", move |params: Params| {
        let pool = p.clone();
        async move {
            let GetOrder { id } = params.parse()?;
            let row: Option<(i64, String, i32, String)> =
                sqlx::query_as("SELECT id, sku, qty, status FROM orders WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&pool)
                    .await
                    .map_err(internal)?;
            match row {
                Some((id, sku, qty, status)) => Ok(json!({ "id": id, "sku": sku, "qty": qty, "status": status })),
                None => Err(RpcError::invalid_params(format!("no order {id}"))),
            }
        }
    });

    let p = pool.clone();
    io.add_method("orders.place", move |params: Params| {
        let pool = p.clone();
        async move {
            let req: PlaceOrder = params.parse()?;
            let mut tx = pool.begin().await.map_err(internal)?;
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO orders (customer_id, sku, qty) VALUES ($1, $2, $3) RETURNING id",
            )
            .bind(req.customer_id)
            .bind(&req.sku)
            .bind(req.qty)
            .fetch_one(&mut *tx)
            .await
            .map_err(internal)?;
            if let Some(url) = &req.callback_url {
                sqlx::query("INSERT INTO outbox (order_id, webhook_url, payload) VALUES ($1, $2, $3)")
                    .bind(id)
                    .bind(url)
                    .bind(json!({ "event": "order.placed", "id": id, "sku": req.sku, "qty": req.qty }))
                    .execute(&mut *tx)
                    .await
                    .map_err(internal)?;
            }
            tx.commit().await.map_err(internal)?;
            Ok(Value::from(id))
        }
    });

    io
}

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let pool = rt.block_on(db::make_pool(10))?;

    let server = ServerBuilder::new(build_io(pool))
        .event_loop_executor(rt.handle().clone())
        .cors(DomainsValidation::AllowOnly(vec![AccessControlAllowOrigin::Null]))
        .start_http(&"0.0.0.0:3030".parse()?)?;

    tracing::info!("order RPC listening on :3030");
    server.wait();
    Ok(())
}
