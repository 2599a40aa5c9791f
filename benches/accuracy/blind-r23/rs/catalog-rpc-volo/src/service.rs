use anyhow::anyhow;
use faststr::FastStr;
use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Row};
use volo_gen::catalog::{
    GetItemRequest, GetItemResponse, Item, ListReviewsRequest, ListReviewsResponse,
    QuotePriceRequest, QuotePriceResponse, ReserveRequest, ReserveResponse, Review,
};
use volo_thrift::ServerError;

use crate::pricing;

pub struct CatalogService {
    pool: PgPool,
    reviews_url: String,
}

impl CatalogService {
    pub fn new(pool: PgPool, reviews_url: String) -> Self {
        Self { pool, reviews_url }
    }

    async fn load_item(&self, id: i64) -> anyhow::Result<Item> {
        let row = sqlx::query(
            "SELECT id, sku, title, price_cents, stock FROM items WHERE id = $1 AND active",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| anyhow!("item {id} not found"))?;

        Ok(Item {
            id: row.get("id"),
            sku: FastStr::from(row.get::<String, _>("sku")),
            title: FastStr::from(row.get::<String, _>("title")),
            price_cents: row.get("price_cents"),
            stock: row.get("stock"),
        })
    }
}

impl volo_gen::catalog::CatalogService for CatalogService {
    async fn get_item(&self, req: GetItemRequest) -> Result<GetItemResponse, ServerError> {
        let item = self.load_item(req.id).await?;
        Ok(GetItemResponse { item })
    }

    async fn list_reviews(
        &self,
        req: ListReviewsRequest,
    ) -> Result<ListReviewsResponse, ServerError> {
        // Reviews live in the "ugc" schema; keep them off the main pool.
        let reviews_pool = PgPoolOptions::new()
            .max_connections(2)
            .connect(&self.reviews_url)
            .await
            .map_err(|e| anyhow!("reviews db: {e}"))?;

        let limit = req.limit.unwrap_or(20).clamp(1, 100) as i64;
        let rows = sqlx::query(
            "SELECT id, rating, body FROM ugc.reviews \
             WHERE item_id = $1 AND published ORDER BY created_at DESC LIMIT $2",
        )
        .bind(req.item_id)
        .bind(limit)
        .fetch_all(&reviews_pool)
        .await
        .map_err(|e| anyhow!("reviews query: {e}"))?;

        reviews_pool.close().await;

        let reviews = rows
            .into_iter()
            .map(|row| Review {
                id: row.get("id"),
                rating: row.get("rating"),
                body: FastStr::from(row.get::<String, _>("body")),
            })
            .collect();

        Ok(ListReviewsResponse { reviews })
    }

    async fn quote_price(
        &self,
        req: QuotePriceRequest,
    ) -> Result<QuotePriceResponse, ServerError> {
        let item = self.load_item(req.item_id).await?;
        let currency = req.currency.to_uppercase();

        if currency == "EUR" {
            return Ok(QuotePriceResponse {
                total_minor: item.price_cents * req.quantity as i64,
                currency: FastStr::from(currency),
            });
        }

        let http = pricing::client().map_err(|e| anyhow!("fx client: {e}"))?;
        let rate = pricing::fx_rate(&http, &currency)
            .await
            .map_err(|e| anyhow!("fx lookup failed: {e}"))?;

        Ok(QuotePriceResponse {
            total_minor: pricing::convert(item.price_cents, req.quantity, &rate),
            currency: FastStr::from(rate.quote),
        })
    }

    async fn reserve(&self, req: ReserveRequest) -> Result<ReserveResponse, ServerError> {
        let mut tx = self.pool.begin().await.map_err(|e| anyhow!("begin: {e}"))?;

        let remaining: Option<i32> = sqlx::query_scalar(
            "UPDATE items SET stock = stock - $2 \
             WHERE id = $1 AND stock >= $2 RETURNING stock",
        )
        .bind(req.item_id)
        .bind(req.quantity)
        .fetch_optional(&mut *tx)
        .await
        .map_err(|e| anyhow!("reserve: {e}"))?;

        let Some(remaining) = remaining else {
            tx.rollback().await.map_err(|e| anyhow!("rollback: {e}"))?;
            return Ok(ReserveResponse { reserved: false, remaining: 0 });
        };

        sqlx::query("INSERT INTO reservations (item_id, quantity, order_ref) VALUES ($1, $2, $3)")
            .bind(req.item_id)
            .bind(req.quantity)
            .bind(req.order_ref.as_str())
            .execute(&mut *tx)
            .await
            .map_err(|e| anyhow!("reservation insert: {e}"))?;

        tx.commit().await.map_err(|e| anyhow!("commit: {e}"))?;
        Ok(ReserveResponse { reserved: true, remaining })
    }
}
