use chrono::{DurationRound, TimeDelta};
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use crate::feed::TradeEvent;

pub struct CandleWriter {
    pool: PgPool,
}

impl CandleWriter {
    pub async fn connect() -> anyhow::Result<Self> {
        let url = std::env::var("MARKET_DB_URL")?;
        let pool = PgPoolOptions::new()
            .max_connections(60)
            .min_connections(4)
            .connect(&url)
            .await?;
        Ok(Self { pool })
    }

    pub async fn apply(&self, t: &TradeEvent) -> anyhow::Result<()> {
        let bucket = t.traded_at.duration_trunc(TimeDelta::minutes(1))?;
        sqlx::query(
            "INSERT INTO candles_1m (symbol, bucket, open, high, low, close, volume)
             VALUES ($1, $2, $3, $3, $3, $3, $4)
             ON CONFLICT (symbol, bucket) DO UPDATE SET
               high = GREATEST(candles_1m.high, EXCLUDED.high),
               low = LEAST(candles_1m.low, EXCLUDED.low),
               close = EXCLUDED.close,
               volume = candles_1m.volume + EXCLUDED.volume",
        )
        .bind(&t.symbol)
        .bind(bucket)
        .bind(t.price)
        .bind(t.qty)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
