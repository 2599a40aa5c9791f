//! Single Postgres session for the service, opened once in main.

use std::time::Duration;

use chrono::{DateTime, Utc};
use postgres::{Client, NoTls};

use crate::detect::{Incident, WatchedPrefix};

pub struct Store {
    url: String,
    client: Client,
}

impl Store {
    /// Start-up connect: bounded retry while the database comes up, then done.
    pub fn connect(url: &str) -> Result<Store, postgres::Error> {
        let mut attempt = 0;
        let client = loop {
            attempt += 1;
            match Client::connect(url, NoTls) {
                Ok(c) => break c,
                Err(e) if attempt < 10 => {
                    log::warn!("postgres not reachable yet ({attempt}/10): {e}");
                    std::thread::sleep(Duration::from_secs(3));
                }
                Err(e) => return Err(e),
            }
        };
        Ok(Store { url: url.to_string(), client })
    }

    /// Replace the session only after the server dropped it.
    fn healthy(&mut self) -> Result<&mut Client, postgres::Error> {
        if self.client.is_closed() {
            log::warn!("postgres session lost, reconnecting");
            self.client = Client::connect(&self.url, NoTls)?;
        }
        Ok(&mut self.client)
    }

    pub fn load_watchlist(&mut self) -> Result<Vec<WatchedPrefix>, postgres::Error> {
        let rows = self.healthy()?.query("SELECT prefix::text, expected_origin, owner FROM watched_prefixes", &[])?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                Some(WatchedPrefix {
                    prefix: r.get::<_, String>(0).parse().ok()?,
                    expected_origin: r.get::<_, i64>(1) as u32,
                    owner: r.get(2),
                })
            })
            .collect())
    }

    pub fn cursor(&mut self) -> Result<DateTime<Utc>, Box<dyn std::error::Error>> {
        let row = self.healthy()?.query_one("SELECT last_until FROM guard_cursor WHERE id = 1", &[])?;
        let ts: i64 = row.get(0);
        DateTime::from_timestamp(ts, 0).ok_or_else(|| "bad cursor".into())
    }

    pub fn set_cursor(&mut self, until: DateTime<Utc>) -> Result<u64, postgres::Error> {
        self.healthy()?.execute(
            "INSERT INTO guard_cursor (id, last_until) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET last_until = $1",
            &[&until.timestamp()],
        )
    }

    pub fn record_dump(&mut self, url: &str, elements: u64, incidents: &[Incident]) -> Result<(), postgres::Error> {
        let mut tx = self.healthy()?.transaction()?;
        tx.execute(
            "INSERT INTO processed_dumps (url, elements, processed_at) VALUES ($1, $2, now()) ON CONFLICT (url) DO NOTHING",
            &[&url, &(elements as i64)],
        )?;
        for i in incidents {
            tx.execute(
                "INSERT INTO incidents (watched, announced, origin, expected_origin, peer_asn, collector, seen_at, severity)
                 VALUES ($1::text::cidr, $2::text::cidr, $3, $4, $5, $6, to_timestamp($7), $8)",
                &[&i.prefix, &i.announced, &(i.origin as i64), &(i.expected_origin as i64),
                  &(i.peer_asn as i64), &i.collector, &i.timestamp, &i.severity],
            )?;
        }
        tx.commit()
    }
}
