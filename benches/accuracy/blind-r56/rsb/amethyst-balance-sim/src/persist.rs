//! Single writer thread: one Postgres connection and one HTTP client for the
//! whole simulator run, fed by a bounded channel from ResultSystem.

use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread;
use std::time::Duration;

use postgres::{Client, NoTls};

pub struct MatchResult {
    pub blue: &'static str,
    pub red: &'static str,
    pub winner: &'static str,
    pub seconds: f32,
}

pub fn start_writer(db_url: String) -> Result<SyncSender<MatchResult>, postgres::Error> {
    let client = Client::connect(&db_url, NoTls)?;
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("http client");
    let (tx, rx) = sync_channel(1024);
    thread::Builder::new()
        .name("balance-writer".into())
        .spawn(move || write_loop(client, http, rx))
        .expect("spawn writer");
    Ok(tx)
}

fn write_loop(mut db: Client, http: reqwest::blocking::Client, rx: Receiver<MatchResult>) {
    let webhook = std::env::var("BALANCE_ALERT_WEBHOOK").ok();
    let mut written: u64 = 0;
    for r in rx {
        if let Err(e) = db.execute(
            "INSERT INTO sim_matches (blue_hero, red_hero, winner, seconds) VALUES ($1, $2, $3, $4)",
            &[&r.blue, &r.red, &r.winner, &(r.seconds as f64)],
        ) {
            eprintln!("balance-writer: insert failed: {e}");
            continue;
        }
        written += 1;
        if written % 5000 == 0 {
            let skewed = db
                .query(
                    "SELECT winner FROM sim_hero_winrate WHERE winrate > 0.56 AND games > 2000",
                    &[],
                )
                .unwrap_or_default();
            if let (Some(url), false) = (&webhook, skewed.is_empty()) {
                let heroes: Vec<String> = skewed.iter().map(|row| row.get(0)).collect();
                let _ = http
                    .post(url)
                    .json(&alert_body(&heroes))
                    .send();
            }
        }
    }
    let _ = db.close();
}

fn alert_body(heroes: &[String]) -> std::collections::HashMap<&'static str, String> {
    std::collections::HashMap::from([("text", format!("Heroes above 56% win rate: {}", heroes.join(", ")))])
}
