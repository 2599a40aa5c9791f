mod db;

use fred::prelude::*;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde::Serialize;
use xitca_web::{
    error::Error,
    handler::{handler_service, json::Json, params::Params, state::StateRef},
    route::get,
    App,
};

#[derive(Clone)]
struct AppState {
    redis_url: String,
    product_ttl: i64,
}

#[derive(Serialize)]
struct Product {
    sku: String,
    name: String,
    views: i64,
}

async fn product(
    StateRef(state): StateRef<'_, AppState>,
    Params(sku): Params<String>,
) -> Result<Json<Product>, Error> {
    let config = RedisConfig::from_url(&state.redis_url).map_err(Error::from_service)?;
    let redis = Builder::from_config(config).build().map_err(Error::from_service)?;
    redis.init().await.map_err(Error::from_service)?;

    let views: i64 = redis.incr(format!("views:{sku}")).await.map_err(Error::from_service)?;
    let _: () = redis
        .expire(format!("views:{sku}"), state.product_ttl)
        .await
        .map_err(Error::from_service)?;

    let conn = db::connect().await.map_err(Error::from_service)?;
    let row = conn
        .query_one(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT name FROM products WHERE sku = $1",
            [sku.clone().into()],
        ))
        .await
        .map_err(Error::from_service)?;
    let name: String = match row {
        Some(r) => r.try_get("", "name").map_err(Error::from_service)?,
        None => String::from("unknown"),
    };

    Ok(Json(Product { sku, name, views }))
}

async fn ping() -> &'static str {
    "pong"
}

fn main() -> std::io::Result<()> {
    let state = AppState {
        redis_url: std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into()),
        product_ttl: 3600,
    };

    App::new()
        .with_state(state)
        .at("/ping", get(handler_service(ping)))
        .at("/products/:sku", get(handler_service(product)))
        .serve()
        .bind("0.0.0.0:8080")?
        .run()
        .wait()
}
