//! Long-running recorder (Procfile `recorder`). One IB Gateway connection, one
//! thread per symbol, one MySQL pool for the process.

use std::env;
use std::thread::sleep;
use std::time::Duration;

use ibapi::contracts::Contract;
use ibapi::market_data::realtime::{Bar, BarSize, WhatToShow};
use ibapi::Client;
use ibkr_bar_recorder::db;
use mysql::prelude::Queryable;
use mysql::{params, Pool};

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let pool = db::make_pool(&env::var("MYSQL_URL")?, 8)?;
    let symbols: Vec<String> = env::var("SYMBOLS")
        .unwrap_or_else(|_| "AAPL,MSFT,NVDA,SPY".into())
        .split(',')
        .map(str::to_string)
        .collect();

    // IB Gateway restarts every night; wait for it instead of crash-looping.
    let gateway = env::var("IB_GATEWAY").unwrap_or_else(|_| "127.0.0.1:4002".into());
    let client = loop {
        match Client::connect(&gateway, 17) {
            Ok(client) => break client,
            Err(e) => {
                log::warn!("IB Gateway not reachable: {e}; retrying in 15s");
                sleep(Duration::from_secs(15));
            }
        }
    };

    std::thread::scope(|scope| {
        for symbol in &symbols {
            let client = &client;
            let pool = &pool;
            scope.spawn(move || {
                if let Err(e) = record(client, pool, symbol) {
                    log::error!("{symbol}: recorder stopped: {e:#}");
                }
            });
        }
    });
    Ok(())
}

fn record(client: &Client, pool: &Pool, symbol: &str) -> anyhow::Result<()> {
    let contract = Contract::stock(symbol);
    let subscription = client.realtime_bars(&contract, BarSize::Sec5, WhatToShow::Trades, false)?;
    for bar in subscription {
        store_bar(pool, symbol, &bar)?;
    }
    Ok(())
}

fn store_bar(pool: &Pool, symbol: &str, bar: &Bar) -> anyhow::Result<()> {
    // Checked out per bar and handed back to the pool when `conn` drops.
    let mut conn = pool.get_conn()?;
    conn.exec_drop(
        "INSERT IGNORE INTO bars_5s (symbol, ts, open, high, low, close, volume, wap, trades)
         VALUES (:symbol, FROM_UNIXTIME(:ts), :open, :high, :low, :close, :volume, :wap, :trades)",
        params! {
            "symbol" => symbol,
            "ts" => bar.date.unix_timestamp(),
            "open" => bar.open,
            "high" => bar.high,
            "low" => bar.low,
            "close" => bar.close,
            "volume" => bar.volume,
            "wap" => bar.wap,
            "trades" => bar.count,
        },
    )?;
    Ok(())
}
