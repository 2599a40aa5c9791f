//! Ingest worker: pops quote ticks pushed by the feed handler and stores them.

use std::thread;
use std::time::Duration;

use diesel::prelude::*;
use quotefeed::db;
use quotefeed::models::NewQuote;
use quotefeed::schema::quotes;
use redis::Commands;

fn main() {
    env_logger::init();

    let mut attempt = 0;
    let pool = loop {
        match db::make_pool(4) {
            Ok(p) => break p,
            Err(e) if attempt < 20 => {
                attempt += 1;
                log::warn!("database not ready ({e}), attempt {attempt}");
                thread::sleep(Duration::from_secs(3));
            }
            Err(e) => panic!("database unavailable: {e}"),
        }
    };

    let redis_url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into());
    let mut queue = redis::Client::open(redis_url)
        .and_then(|c| c.get_connection())
        .expect("redis connection");

    loop {
        let item: Option<(String, String)> = match queue.brpop("quotes:ingest", 2.0) {
            Ok(v) => v,
            Err(e) => {
                log::error!("brpop: {e}");
                thread::sleep(Duration::from_secs(1));
                continue;
            }
        };
        let Some((_, payload)) = item else { continue };
        let batch: Vec<NewQuote> = match serde_json::from_str(&payload) {
            Ok(b) => b,
            Err(e) => {
                log::warn!("dropping malformed batch: {e}");
                continue;
            }
        };
        let res = pool.get().map_err(|e| e.to_string()).and_then(|mut conn| {
            diesel::insert_into(quotes::table)
                .values(&batch)
                .execute(&mut conn)
                .map_err(|e| e.to_string())
        });
        if let Err(e) = res {
            log::error!("insert failed, requeueing: {e}");
            let _: redis::RedisResult<()> = queue.lpush("quotes:ingest", payload);
        }
    }
}
