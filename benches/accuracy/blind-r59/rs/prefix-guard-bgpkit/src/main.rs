//! Every five minutes: ask the BGPKIT broker for update dumps published since
//! the last run, stream every BGP element of every new dump through the
//! detector, and persist incidents. Runs as a long-lived systemd service.

mod detect;
mod store;

use std::time::Duration;

use bgpkit_broker::BgpkitBroker;
use bgpkit_parser::BgpkitParser;
use chrono::{TimeDelta, Utc};

use detect::Watchlist;
use store::Store;

const CYCLE: Duration = Duration::from_secs(300);

fn main() {
    env_logger::init();
    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let webhook = std::env::var("NOC_WEBHOOK").ok();
    let collectors: Vec<String> = std::env::var("COLLECTORS")
        .unwrap_or_else(|_| "route-views2,rrc00,rrc21".into())
        .split(',')
        .map(str::to_string)
        .collect();

    // Built once for the life of the service.
    let mut store = Store::connect(&database_url).expect("postgres unreachable at start-up");
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("http client");
    let broker = BgpkitBroker::new().data_type("updates").page_size(100);

    loop {
        let cycle_started = std::time::Instant::now();
        let watchlist = match store.load_watchlist() {
            Ok(rows) => Watchlist::new(rows),
            Err(e) => {
                log::error!("could not load watchlist: {e}");
                std::thread::sleep(CYCLE);
                continue;
            }
        };
        let since = store.cursor().unwrap_or_else(|_| Utc::now() - TimeDelta::hours(1));
        let until = Utc::now();

        for collector in &collectors {
            let query = broker
                .clone()
                .collector_id(collector.as_str())
                .ts_start(since.timestamp())
                .ts_end(until.timestamp());
            let items = match query.query() {
                Ok(items) => items,
                Err(e) => {
                    log::warn!("broker query for {collector} failed: {e}");
                    continue;
                }
            };
            for item in items {
                let parser = match BgpkitParser::new(item.url.as_str()) {
                    Ok(p) => p,
                    Err(e) => {
                        log::warn!("cannot open {}: {e}", item.url);
                        continue;
                    }
                };
                let mut incidents = Vec::new();
                let mut seen = 0u64;
                for elem in parser {
                    seen += 1;
                    if let Some(incident) = watchlist.check(&elem, collector) {
                        incidents.push(incident);
                    }
                }
                log::info!("{}: {seen} elements, {} incidents", item.url, incidents.len());
                if let Err(e) = store.record_dump(&item.url, seen, &incidents) {
                    log::error!("persisting {} failed: {e}", item.url);
                    continue;
                }
                if let Some(url) = &webhook {
                    for incident in incidents.iter().filter(|i| i.severity == "critical") {
                        let _ = http.post(url).json(&incident.to_json()).send();
                    }
                }
            }
        }
        let _ = store.set_cursor(until);
        std::thread::sleep(CYCLE.saturating_sub(cycle_started.elapsed()));
    }
}
