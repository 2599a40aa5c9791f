use std::io::{self, BufRead, Write};
use std::time::Duration;
use std::{env, thread};

use extism::{Manifest, Plugin, Wasm};

mod host;

fn connect_db(url: &str) -> postgres::Client {
    let mut delay = Duration::from_millis(500);
    for attempt in 1..=8 {
        match postgres::Client::connect(url, postgres::NoTls) {
            Ok(client) => return client,
            Err(e) => {
                log::warn!("asset db not reachable (attempt {attempt}): {e}");
                thread::sleep(delay);
                delay = (delay * 2).min(Duration::from_secs(10));
            }
        }
    }
    panic!("asset db unreachable after retries");
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let plugin_path = env::args().nth(1).unwrap_or_else(|| "plugins/enrich.wasm".into());

    let db = connect_db(&env::var("ASSETS_DB_URL").unwrap_or_else(|_| "postgres://enricher@localhost/assets".into()));
    let cache = redis::Client::open(env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()))?
        .get_connection()?;
    let agent = ureq::AgentBuilder::new()
        .timeout_connect(Duration::from_secs(2))
        .max_idle_connections_per_host(4)
        .build();

    let manifest = Manifest::new([Wasm::file(&plugin_path)]).with_allowed_host("*.internal");
    let mut plugin = Plugin::new(&manifest, host::functions(db, cache, agent), true)?;

    // One NDJSON event per line from the log shipper; one plugin call per event.
    let stdin = io::stdin();
    let mut out = io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        match plugin.call::<&str, String>("enrich", &line) {
            Ok(enriched) => writeln!(out, "{enriched}")?,
            Err(e) => {
                log::warn!("enrich failed: {e}");
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}
