use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::feed::TradeEvent;

pub struct TradeStore {
    pool: PgPool,
}

impl TradeStore {
    pub async fn connect() -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .connect(&std::env::var("MARKET_DB_URL")?)
            .await?;
        Ok(Self { pool })
    }

    pub async fn insert(&self, t: &TradeEvent) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO trades (symbol, trade_id, price, qty, traded_at)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        )
        .bind(&t.symbol)
        .bind(t.trade_id)
        .bind(t.price)
        .bind(t.qty)
        .bind(t.traded_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
