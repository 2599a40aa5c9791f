mod actors;
mod db;

use std::io::BufRead;
use std::time::Duration;

use riker::actors::*;

use crate::actors::{IndexJob, Indexer, IndexerArgs};

const WORKERS: usize = 4;

fn main() {
    env_logger::init();

    let pool = db::connect_with_retry(&std::env::var("CATALOG_MYSQL_URL").expect("CATALOG_MYSQL_URL"));
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()
        .expect("search http client");
    let search_url = std::env::var("SEARCH_URL").unwrap_or_else(|_| "http://search.internal:7700".into());

    let sys = ActorSystem::new().expect("actor system");

    // Each worker gets a handle to the same pool and HTTP client (cheap Arc clones).
    let mut workers = Vec::with_capacity(WORKERS);
    for i in 0..WORKERS {
        let args = IndexerArgs {
            pool: pool.clone(),
            http: http.clone(),
            search_url: search_url.clone(),
        };
        let worker = sys
            .actor_of_args::<Indexer, _>(&format!("indexer-{i}"), args)
            .expect("spawn indexer");
        workers.push(worker);
    }

    // One SKU per line, emitted by the catalog change-data-capture tail.
    let stdin = std::io::stdin();
    for (n, line) in stdin.lock().lines().enumerate() {
        let Ok(sku) = line else { break };
        let sku = sku.trim().to_string();
        if sku.is_empty() {
            continue;
        }
        workers[n % WORKERS].tell(IndexJob { sku }, None);
    }

    std::thread::sleep(Duration::from_secs(2));
    let _ = sys.shutdown();
}
