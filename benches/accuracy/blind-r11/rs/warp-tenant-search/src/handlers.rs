use std::convert::Infallible;

use elasticsearch::{IndexParts, SearchParts};
use mysql_async::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};
use warp::http::StatusCode;
use warp::{reject, Rejection, Reply};

use crate::search;

#[derive(Debug)]
pub struct Upstream(String);

impl reject::Reject for Upstream {}

fn upstream(err: impl std::fmt::Display) -> Rejection {
    reject::custom(Upstream(err.to_string()))
}

#[derive(Deserialize)]
pub struct SearchQuery {
    q: String,
    #[serde(default)]
    from: i64,
}

pub async fn search(tenant: String, query: SearchQuery) -> Result<impl Reply, Rejection> {
    let es = search::for_tenant(&tenant).map_err(upstream)?;
    let index = format!("{tenant}-products");
    let resp = es
        .search(SearchParts::Index(&[index.as_str()]))
        .from(query.from)
        .size(20)
        .body(json!({ "query": { "multi_match": { "query": query.q, "fields": ["name^3", "description"] } } }))
        .send()
        .await
        .map_err(upstream)?;
    let body: Value = resp.json().await.map_err(upstream)?;
    Ok(warp::reply::json(&body["hits"]))
}

pub async fn tenant_info(tenant: String, pool: mysql_async::Pool) -> Result<impl Reply, Rejection> {
    let mut conn = pool.get_conn().await.map_err(upstream)?;
    let row: Option<(String, String)> = conn
        .exec_first("SELECT display_name, plan FROM tenants WHERE slug = ?", (tenant.as_str(),))
        .await
        .map_err(upstream)?;
    match row {
        Some((name, plan)) => Ok(warp::reply::with_status(
            warp::reply::json(&json!({ "tenant": tenant, "name": name, "plan": plan })),
            StatusCode::OK,
        )),
        None => Err(reject::not_found()),
    }
}

pub async fn reindex_product(tenant: String, id: u64, pool: mysql_async::Pool) -> Result<impl Reply, Rejection> {
    let mut conn = pool.get_conn().await.map_err(upstream)?;
    let row: Option<(String, String, u64)> = conn
        .exec_first(
            "SELECT name, description, price_cents FROM products WHERE tenant = ? AND id = ?",
            (tenant.as_str(), id),
        )
        .await
        .map_err(upstream)?;
    drop(conn);
    let (name, description, price_cents) = row.ok_or_else(reject::not_found)?;

    let es = search::for_tenant(&tenant).map_err(upstream)?;
    es.index(IndexParts::IndexId(&format!("{tenant}-products"), &id.to_string()))
        .body(json!({ "name": name, "description": description, "price_cents": price_cents }))
        .send()
        .await
        .map_err(upstream)?
        .error_for_status_code()
        .map_err(upstream)?;
    Ok(StatusCode::ACCEPTED)
}

pub async fn recover(err: Rejection) -> Result<impl Reply, Infallible> {
    let (code, msg) = if err.is_not_found() {
        (StatusCode::NOT_FOUND, "not found".to_owned())
    } else if let Some(Upstream(msg)) = err.find::<Upstream>() {
        (StatusCode::BAD_GATEWAY, msg.clone())
    } else {
        (StatusCode::BAD_REQUEST, format!("{err:?}"))
    };
    Ok(warp::reply::with_status(warp::reply::json(&json!({ "error": msg })), code))
}
