mod archive;
mod fetch;

use archive::Archive;
use elefren::entities::event::Event;
use elefren::prelude::*;
use serde::Deserialize;
use std::collections::HashMap;
use std::time::Duration;

#[derive(Deserialize)]
struct Config {
    hashtag: String,
    home_domain: String,
    database_url: String,
    #[serde(default)]
    instance_tokens: HashMap<String, String>,
}

fn connect_db(url: &str) -> anyhow::Result<postgres::Client> {
    let mut attempts = 0;
    loop {
        match postgres::Client::connect(url, postgres::NoTls) {
            Ok(client) => break Ok(client),
            Err(err) if attempts < 5 => {
                attempts += 1;
                log::warn!("postgres unavailable ({err}), retrying");
                std::thread::sleep(Duration::from_secs(2 * attempts));
            }
            Err(err) => break Err(err.into()),
        }
    }
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let config: Config = toml::from_str(&std::fs::read_to_string("archiver.toml")?)?;
    let data = elefren::helpers::toml::from_file("mastodon-data.toml")?;
    let mastodon = Mastodon::from(data);

    let db = connect_db(&config.database_url)?;
    let fetcher = fetch::Fetcher::new(config.instance_tokens.clone())?;
    let mut archive = Archive::new(db, fetcher);

    // The streaming connection drops every few hours; reconnect the stream only,
    // the archive (and its Postgres connection) stays the same.
    loop {
        let stream = match mastodon.streaming_public_hashtag(&config.hashtag, false) {
            Ok(stream) => stream,
            Err(err) => {
                log::warn!("stream connect failed: {err}");
                std::thread::sleep(Duration::from_secs(30));
                continue;
            }
        };
        log::info!("streaming #{}", config.hashtag);

        for event in stream {
            let result = match event {
                Event::Update(ref status) => archive.store(status, &config.home_domain),
                Event::Delete(ref id) => archive.tombstone(id),
                Event::Notification(_) | Event::FiltersChanged => Ok(()),
            };
            if let Err(err) = result {
                log::error!("archiving failed: {err}");
            }
        }
        log::warn!("stream ended, reconnecting");
        std::thread::sleep(Duration::from_secs(5));
    }
}
