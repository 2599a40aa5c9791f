//! Twirp API process (Procfile `web`).

use std::sync::Arc;

use async_trait::async_trait;
use axum::Router;
use catalog_service::db;
use catalog_service::proto::{self, GetProductRequest, Product, SearchProductsRequest, SearchProductsResponse};
use sqlx::PgPool;
use twirp::{Context, TwirpErrorResponse};

struct CatalogApiServer {
    pool: PgPool,
}

type Row = (String, String, i64, i32);

fn to_product((sku, title, price_cents, stock): Row) -> Product {
    Product { sku, title, price_cents, stock }
}

#[async_trait]
impl proto::CatalogApi for CatalogApiServer {
    async fn get_product(&self, _ctx: Context, req: GetProductRequest) -> Result<Product, TwirpErrorResponse> {
        let row: Option<Row> = sqlx::query_as(
            "SELECT sku, title, price_cents, stock FROM products WHERE sku = $1",
        )
        .bind(&req.sku)
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| twirp::internal(e.to_string()))?;
        row.map(to_product).ok_or_else(|| twirp::not_found(format!("no product {}", req.sku)))
    }

    async fn search_products(
        &self,
        _ctx: Context,
        req: SearchProductsRequest,
    ) -> Result<SearchProductsResponse, TwirpErrorResponse> {
        let limit = req.limit.clamp(1, 100) as i64;
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT sku, title, price_cents, stock FROM products
              WHERE search_vector @@ plainto_tsquery('english', $1)
              ORDER BY ts_rank(search_vector, plainto_tsquery('english', $1)) DESC
              LIMIT $2",
        )
        .bind(&req.query)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(|e| twirp::internal(e.to_string()))?;
        Ok(SearchProductsResponse { products: rows.into_iter().map(to_product).collect() })
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::make_pool(10).await?;
    let api = Arc::new(CatalogApiServer { pool });

    let twirp_routes = Router::new().nest(proto::SERVICE_FQN, proto::router(api));
    let app = Router::new()
        .nest("/twirp", twirp_routes)
        .fallback(twirp::server::not_found_handler);

    let addr = std::env::var("BIND").unwrap_or_else(|_| "0.0.0.0:8080".into());
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    tracing::info!("catalog api on {addr}");
    axum::serve(listener, app).await?;
    Ok(())
}
