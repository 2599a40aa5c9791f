use std::env;

use binance::model::KlineEvent;
use postgres::{Client, NoTls};

/// Opens a Postgres connection for the candle store.
pub fn connect() -> Result<Client, postgres::Error> {
    let url = env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://market:market@localhost:5432/market".to_string());
    Client::connect(&url, NoTls)
}

pub fn insert_candle(db: &mut Client, k: &KlineEvent) -> Result<u64, postgres::Error> {
    db.execute(
        "INSERT INTO candles_1m (symbol, open_time, open, high, low, close, volume)
         VALUES ($1, to_timestamp($2::bigint / 1000.0), $3::text::numeric, $4::text::numeric,
                 $5::text::numeric, $6::text::numeric, $7::text::numeric)
         ON CONFLICT (symbol, open_time) DO NOTHING",
        &[
            &k.symbol,
            &k.kline.start_time,
            &k.kline.open,
            &k.kline.high,
            &k.kline.low,
            &k.kline.close,
            &k.kline.volume,
        ],
    )
}
