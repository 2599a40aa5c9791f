use std::sync::Arc;

use rspc::{Error, ErrorCode, Router};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::Ctx;

#[derive(Serialize, Type)]
pub struct StockLevel {
    pub sku: String,
    pub bin: String,
    pub on_hand: i32,
    pub reorder_point: i32,
}

#[derive(Deserialize, Type)]
pub struct Adjustment {
    pub sku: String,
    pub bin: String,
    pub delta: i32,
    pub reason: String,
}

fn internal(e: impl std::fmt::Display) -> Error {
    Error::new(ErrorCode::InternalServerError, e.to_string())
}

pub fn router() -> Arc<Router<Ctx>> {
    Router::<Ctx>::new()
        .query("stock.get", |t| {
            t(|ctx: Ctx, sku: String| async move {
                let mut conn = ctx.db.acquire().await.map_err(internal)?;
                let rows: Vec<(String, String, i32, i32)> = sqlx::query_as(
                    "SELECT sku, bin, on_hand, reorder_point FROM stock WHERE sku = $1 ORDER BY bin",
                )
                .bind(&sku)
                .fetch_all(&mut *conn)
                .await
                .map_err(internal)?;
                Ok(rows
                    .into_iter()
                    .map(|(sku, bin, on_hand, reorder_point)| StockLevel { sku, bin, on_hand, reorder_point })
                    .collect::<Vec<_>>())
            })
        })
        .mutation("stock.adjust", |t| {
            t(|ctx: Ctx, adj: Adjustment| async move {
                let mut tx = ctx.db.begin().await.map_err(internal)?;
                let row: Option<(i32, i32)> = sqlx::query_as(
                    "UPDATE stock SET on_hand = on_hand + $3 WHERE sku = $1 AND bin = $2 \
                     RETURNING on_hand, reorder_point",
                )
                .bind(&adj.sku)
                .bind(&adj.bin)
                .bind(adj.delta)
                .fetch_optional(&mut *tx)
                .await
                .map_err(internal)?;

                let Some((on_hand, reorder_point)) = row else {
                    return Err(Error::new(ErrorCode::NotFound, format!("{} not stocked in {}", adj.sku, adj.bin)));
                };
                if on_hand < 0 {
                    // Dropping `tx` here rolls the update back.
                    return Err(Error::new(ErrorCode::BadRequest, "adjustment would make stock negative".into()));
                }

                sqlx::query("INSERT INTO stock_moves (sku, bin, delta, reason) VALUES ($1, $2, $3, $4)")
                    .bind(&adj.sku)
                    .bind(&adj.bin)
                    .bind(adj.delta)
                    .bind(&adj.reason)
                    .execute(&mut *tx)
                    .await
                    .map_err(internal)?;
                tx.commit().await.map_err(internal)?;

                if on_hand <= reorder_point {
                    let _ = ctx
                        .http
                        .post("http://purchasing.internal/api/reorder-signals")
                        .json(&serde_json::json!({ "sku": adj.sku, "on_hand": on_hand }))
                        .send()
                        .await;
                }
                Ok(on_hand)
            })
        })
        .build()
        .arced()
}
