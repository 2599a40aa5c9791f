use aws_config::BehaviorVersion;
use aws_sdk_s3::primitives::ByteStream;
use pavex::request::body::JsonBody;
use pavex::request::path::PathParams;
use pavex::response::body::errors::JsonSerializationError;
use pavex::response::body::Json;
use pavex::response::Response;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;

use crate::pricing::PricingClient;
use crate::reporting::ReportingDb;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error(transparent)]
    Pricing(#[from] reqwest::Error),
    #[error(transparent)]
    Json(#[from] JsonSerializationError),
    #[error("export failed: {0}")]
    Export(String),
}

pub fn api_error(e: &ApiError) -> Response {
    match e {
        ApiError::Db(sqlx::Error::RowNotFound) => Response::not_found(),
        _ => Response::internal_server_error(),
    }
}

#[PathParams]
pub struct ProductPath {
    pub id: i64,
}

#[derive(Serialize, sqlx::FromRow)]
pub struct Product {
    id: i64,
    sku: String,
    name: String,
    #[sqlx(skip)]
    price_cents: Option<i64>,
}

pub async fn get_product(
    params: &PathParams<ProductPath>,
    pool: &PgPool,
    pricing: &PricingClient,
) -> Result<Response, ApiError> {
    let mut product: Product = sqlx::query_as("SELECT id, sku, name FROM products WHERE id = $1")
        .bind(params.0.id)
        .fetch_one(pool)
        .await?;
    product.price_cents = Some(pricing.current_price(&product.sku).await?);
    Ok(Response::ok().set_typed_body(Json::new(&product)?))
}

pub async fn daily_report(reporting: &ReportingDb) -> Result<Response, ApiError> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT category, SUM(units)::BIGINT FROM daily_sales WHERE day = CURRENT_DATE GROUP BY category",
    )
    .fetch_all(&reporting.0)
    .await?;
    Ok(Response::ok().set_typed_body(Json::new(&rows)?))
}

#[derive(Deserialize)]
pub struct ExportRequest {
    pub category: String,
}

pub async fn export_catalog(body: &JsonBody<ExportRequest>, pool: &PgPool) -> Result<Response, ApiError> {
    let category = &body.0.category;
    let products: Vec<Product> = sqlx::query_as("SELECT id, sku, name FROM products WHERE category = $1")
        .bind(category)
        .fetch_all(pool)
        .await?;

    let mut csv = String::from("id,sku,name\n");
    for p in &products {
        csv.push_str(&format!("{},{},{}\n", p.id, p.sku, p.name.replace(',', " ")));
    }

    let config = aws_config::load_defaults(BehaviorVersion::latest()).await;
    let s3 = aws_sdk_s3::Client::new(&config);
    s3.put_object()
        .bucket("catalog-exports")
        .key(format!("{category}.csv"))
        .content_type("text/csv")
        .body(ByteStream::from(csv.into_bytes()))
        .send()
        .await
        .map_err(|e| ApiError::Export(e.to_string()))?;

    Ok(Response::accepted())
}
