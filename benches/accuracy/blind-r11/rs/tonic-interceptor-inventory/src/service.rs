use std::collections::HashMap;

use aws_sdk_s3::primitives::ByteStream;
use sqlx::{PgPool, Postgres, Row, Transaction};
use tokio::sync::Mutex;
use tonic::{Request, Response, Status};

use crate::clients;
use crate::pb::inventory_server::Inventory;
use crate::pb::*;

pub struct InventoryService {
    pool: PgPool,
    stocktakes: Mutex<HashMap<String, Transaction<'static, Postgres>>>,
}

impl InventoryService {
    pub fn new(pool: PgPool) -> Self {
        Self {
            pool,
            stocktakes: Mutex::new(HashMap::new()),
        }
    }
}

fn db_err(err: sqlx::Error) -> Status {
    Status::internal(err.to_string())
}

#[tonic::async_trait]
impl Inventory for InventoryService {
    async fn begin_stocktake(
        &self,
        request: Request<BeginStocktakeRequest>,
    ) -> Result<Response<BeginStocktakeReply>, Status> {
        let warehouse = request.into_inner().warehouse;
        let mut tx = self.pool.begin().await.map_err(db_err)?;
        let session_id: String = sqlx::query_scalar(
            "INSERT INTO stocktakes (warehouse, started_at) VALUES ($1, now()) RETURNING id::text",
        )
        .bind(&warehouse)
        .fetch_one(&mut *tx)
        .await
        .map_err(db_err)?;
        self.stocktakes.lock().await.insert(session_id.clone(), tx);
        Ok(Response::new(BeginStocktakeReply { session_id }))
    }

    async fn count_item(&self, request: Request<CountItemRequest>) -> Result<Response<CountItemReply>, Status> {
        let req = request.into_inner();
        let mut sessions = self.stocktakes.lock().await;
        let tx = sessions
            .get_mut(&req.session_id)
            .ok_or_else(|| Status::not_found("no such stocktake"))?;
        sqlx::query("INSERT INTO stocktake_counts (stocktake_id, sku, counted) VALUES ($1::bigint, $2, $3)")
            .bind(&req.session_id)
            .bind(&req.sku)
            .bind(req.counted)
            .execute(&mut **tx)
            .await
            .map_err(db_err)?;
        Ok(Response::new(CountItemReply {}))
    }

    async fn commit_stocktake(
        &self,
        request: Request<CommitStocktakeRequest>,
    ) -> Result<Response<CommitStocktakeReply>, Status> {
        let session_id = request.into_inner().session_id;
        let mut tx = self
            .stocktakes
            .lock()
            .await
            .remove(&session_id)
            .ok_or_else(|| Status::not_found("no such stocktake"))?;
        let adjusted = sqlx::query(
            "UPDATE stock s SET on_hand = c.counted FROM stocktake_counts c \
             WHERE c.stocktake_id = $1::bigint AND c.sku = s.sku AND s.on_hand <> c.counted",
        )
        .bind(&session_id)
        .execute(&mut *tx)
        .await
        .map_err(db_err)?
        .rows_affected();
        tx.commit().await.map_err(db_err)?;
        Ok(Response::new(CommitStocktakeReply { adjusted: adjusted as i32 }))
    }

    async fn export_snapshot(&self, request: Request<ExportRequest>) -> Result<Response<ExportReply>, Status> {
        let warehouse = request.into_inner().warehouse;
        let rows = sqlx::query("SELECT sku, on_hand FROM stock WHERE warehouse = $1 ORDER BY sku")
            .bind(&warehouse)
            .fetch_all(&self.pool)
            .await
            .map_err(db_err)?;

        let mut csv = String::from("sku,on_hand\n");
        for row in &rows {
            let sku: String = row.get("sku");
            let on_hand: i32 = row.get("on_hand");
            csv.push_str(&format!("{sku},{on_hand}\n"));
        }

        let s3 = clients::s3().await;
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        let object_key = format!("snapshots/{warehouse}/{stamp}.csv");
        s3.put_object()
            .bucket(std::env::var("EXPORT_BUCKET").unwrap_or_else(|_| "inventory-exports".to_owned()))
            .key(&object_key)
            .body(ByteStream::from(csv.into_bytes()))
            .send()
            .await
            .map_err(|e| Status::unavailable(e.to_string()))?;

        Ok(Response::new(ExportReply { object_key, rows: rows.len() as i64 }))
    }
}
