mod host;

use postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use steel::rvals::SteelVal;
use steel::steel_vm::engine::Engine;
use std::time::Duration;

fn connect_pool(dsn: &str) -> anyhow::Result<host::PgPool> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let manager = PostgresConnectionManager::new(dsn.parse()?, NoTls);
        match r2d2::Pool::builder()
            .max_size(4)
            .connection_timeout(Duration::from_secs(5))
            .build(manager)
        {
            Ok(pool) => break Ok(pool),
            Err(err) if attempt < 10 => {
                log::warn!("database not ready (attempt {attempt}): {err}");
                std::thread::sleep(Duration::from_secs(3));
            }
            Err(err) => break Err(err.into()),
        }
    }
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let market_api = std::env::var("MARKET_API").unwrap_or_else(|_| "https://seller-api.market.example".into());
    let pool = connect_pool(&std::env::var("DATABASE_URL")?)?;
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;

    let mut engine = Engine::new();
    host::register(&mut engine, pool.clone(), http.clone(), market_api.clone());
    let script = std::fs::read_to_string(
        std::env::var("STRATEGY").unwrap_or_else(|_| "scripts/reprice.scm".into()),
    )?;
    engine.run(script).map_err(|e| anyhow::anyhow!("strategy failed to load: {e:?}"))?;

    loop {
        let due: Vec<(String, f64)> = {
            let mut conn = pool.get()?;
            conn.query(
                "SELECT sku, price FROM listings WHERE next_reprice_at <= now() ORDER BY next_reprice_at LIMIT 200",
                &[],
            )?
            .iter()
            .map(|row| (row.get(0), row.get(1)))
            .collect()
        };

        for (sku, current) in due {
            let args = vec![SteelVal::StringV(sku.clone().into()), SteelVal::NumV(current)];
            let new_price = match engine.call_function_by_name_with_args("reprice", args) {
                Ok(SteelVal::NumV(p)) => (p * 100.0).round() / 100.0,
                other => {
                    log::error!("strategy returned {other:?} for {sku}");
                    continue;
                }
            };

            if (new_price - current).abs() >= 0.01 {
                http.put(format!("{market_api}/v2/listings/{sku}/price"))
                    .json(&price_body(new_price))
                    .send()?
                    .error_for_status()?;
            }
            pool.get()?.execute(
                "UPDATE listings SET price = $2, next_reprice_at = now() + interval '15 minutes' WHERE sku = $1",
                &[&sku, &new_price],
            )?;
        }
        std::thread::sleep(Duration::from_secs(60));
    }
}

fn price_body(price: f64) -> std::collections::HashMap<&'static str, f64> {
    std::collections::HashMap::from([("price", price)])
}
