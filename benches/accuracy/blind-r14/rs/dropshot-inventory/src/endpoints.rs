use std::sync::Arc;

use dropshot::{
    endpoint, ApiDescription, HttpError, HttpResponseCreated, HttpResponseOk,
    HttpResponseUpdatedNoContent, Path, RequestContext, TypedBody,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tokio_postgres::NoTls;
use uuid::Uuid;

use crate::pricing::{self, Quote};
use crate::ServerCtx;

type Ctx = Arc<ServerCtx>;

fn internal<E: std::fmt::Display>(e: E) -> HttpError {
    HttpError::for_internal_error(e.to_string())
}

#[derive(Deserialize, JsonSchema)]
struct SkuPath {
    sku: String,
}

#[derive(Deserialize, JsonSchema)]
struct StocktakePath {
    id: Uuid,
}

#[derive(Serialize, JsonSchema)]
struct Item {
    sku: String,
    name: String,
    on_hand: i32,
}

#[derive(Deserialize, JsonSchema)]
struct Adjustment {
    delta: i32,
    reason: String,
    operator: String,
}

#[derive(Serialize, JsonSchema)]
struct StocktakeStarted {
    id: Uuid,
}

pub fn register(api: &mut ApiDescription<Ctx>) -> Result<(), String> {
    api.register(get_item).map_err(|e| e.to_string())?;
    api.register(get_item_price).map_err(|e| e.to_string())?;
    api.register(post_adjustment).map_err(|e| e.to_string())?;
    api.register(start_stocktake).map_err(|e| e.to_string())?;
    api.register(commit_stocktake).map_err(|e| e.to_string())?;
    Ok(())
}

#[endpoint { method = GET, path = "/items/{sku}" }]
async fn get_item(
    rqctx: RequestContext<Ctx>,
    path: Path<SkuPath>,
) -> Result<HttpResponseOk<Item>, HttpError> {
    let sku = path.into_inner().sku;
    let client = rqctx.context().pool.get().await.map_err(internal)?;
    let row = client
        .query_opt("SELECT sku, name, on_hand FROM items WHERE sku = $1", &[&sku])
        .await
        .map_err(internal)?
        .ok_or_else(|| HttpError::for_not_found(None, format!("no item {sku}")))?;
    Ok(HttpResponseOk(Item { sku: row.get(0), name: row.get(1), on_hand: row.get(2) }))
}

#[endpoint { method = GET, path = "/items/{sku}/price" }]
async fn get_item_price(
    rqctx: RequestContext<Ctx>,
    path: Path<SkuPath>,
) -> Result<HttpResponseOk<Quote>, HttpError> {
    let sku = path.into_inner().sku;
    let http = pricing::client();
    let quote = pricing::fetch_quote(&http, &rqctx.context().pricing_base, &sku)
        .await
        .map_err(internal)?;
    Ok(HttpResponseOk(quote))
}

#[endpoint { method = POST, path = "/items/{sku}/adjustments" }]
async fn post_adjustment(
    rqctx: RequestContext<Ctx>,
    path: Path<SkuPath>,
    body: TypedBody<Adjustment>,
) -> Result<HttpResponseUpdatedNoContent, HttpError> {
    let ctx = rqctx.context();
    let sku = path.into_inner().sku;
    let adj = body.into_inner();

    let mut client = ctx.pool.get().await.map_err(internal)?;
    let tx = client.transaction().await.map_err(internal)?;
    tx.execute("UPDATE items SET on_hand = on_hand + $1 WHERE sku = $2", &[&adj.delta, &sku])
        .await
        .map_err(internal)?;
    tx.commit().await.map_err(internal)?;

    // Compliance wants every adjustment in the separate audit database.
    let (audit, connection) = tokio_postgres::connect(&ctx.audit_url, NoTls).await.map_err(internal)?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            eprintln!("audit connection error: {e}");
        }
    });
    audit
        .execute(
            "INSERT INTO stock_audit (sku, delta, reason, operator) VALUES ($1, $2, $3, $4)",
            &[&sku, &adj.delta, &adj.reason, &adj.operator],
        )
        .await
        .map_err(internal)?;

    slog::info!(rqctx.log, "adjusted stock"; "sku" => &sku, "delta" => adj.delta);
    Ok(HttpResponseUpdatedNoContent())
}

#[endpoint { method = POST, path = "/stocktakes" }]
async fn start_stocktake(
    rqctx: RequestContext<Ctx>,
) -> Result<HttpResponseCreated<StocktakeStarted>, HttpError> {
    let ctx = rqctx.context();
    let conn = ctx.pool.get().await.map_err(internal)?;
    conn.batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        .await
        .map_err(internal)?;
    let id = Uuid::new_v4();
    ctx.stocktakes.lock().await.insert(id, conn);
    Ok(HttpResponseCreated(StocktakeStarted { id }))
}

#[endpoint { method = POST, path = "/stocktakes/{id}/commit" }]
async fn commit_stocktake(
    rqctx: RequestContext<Ctx>,
    path: Path<StocktakePath>,
) -> Result<HttpResponseUpdatedNoContent, HttpError> {
    let id = path.into_inner().id;
    let conn = rqctx
        .context()
        .stocktakes
        .lock()
        .await
        .remove(&id)
        .ok_or_else(|| HttpError::for_not_found(None, format!("no stocktake {id}")))?;
    conn.execute(
        "INSERT INTO stocktake_snapshots (id, taken_at, items) \
         SELECT $1, now(), jsonb_agg(jsonb_build_object('sku', sku, 'on_hand', on_hand)) FROM items",
        &[&id],
    )
    .await
    .map_err(internal)?;
    conn.batch_execute("COMMIT").await.map_err(internal)?;
    Ok(HttpResponseUpdatedNoContent())
}
