//! Database + chat notification access for the kiosk. Built once in
//! `handle_startup` and owned by the App.

use std::thread::sleep;
use std::time::Duration;

use postgres::{Client, NoTls};
use serde_json::json;

pub struct Services {
    dsn: String,
    db: Client,
    http: reqwest::blocking::Client,
    webhook: Option<String>,
}

fn connect_db(dsn: &str) -> Result<Client, postgres::Error> {
    let mut attempt = 0;
    loop {
        match Client::connect(dsn, NoTls) {
            Ok(client) => return Ok(client),
            Err(err) if attempt < 4 => {
                attempt += 1;
                eprintln!("postgres not ready ({err}), retry {attempt}");
                sleep(Duration::from_secs(2));
            }
            Err(err) => return Err(err),
        }
    }
}

impl Services {
    pub fn connect() -> Result<Self, Box<dyn std::error::Error>> {
        let dsn = std::env::var("SHIFTS_DSN")?;
        let db = connect_db(&dsn)?;
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()?;
        let webhook = std::env::var("SHIFTS_CHAT_WEBHOOK").ok();
        Ok(Self { dsn, db, http, webhook })
    }

    /// Re-establishes the session only if the server dropped it (kiosks sit
    /// on flaky warehouse Wi-Fi).
    fn db(&mut self) -> Result<&mut Client, postgres::Error> {
        if self.db.is_closed() {
            self.db = connect_db(&self.dsn)?;
        }
        Ok(&mut self.db)
    }

    pub fn open_shifts(&mut self) -> Result<Vec<String>, postgres::Error> {
        let rows = self.db()?.query(
            "SELECT to_char(starts_at, 'Dy HH24:MI') || '  ' || area FROM shifts \
             WHERE claimed_by IS NULL AND starts_at > now() ORDER BY starts_at LIMIT 20",
            &[],
        )?;
        Ok(rows.iter().map(|r| r.get::<_, String>(0)).collect())
    }

    pub fn claim_next(&mut self, badge: &str) -> Result<Option<String>, postgres::Error> {
        let mut tx = self.db()?.transaction()?;
        let row = tx.query_opt(
            "UPDATE shifts SET claimed_by = $1, claimed_at = now() WHERE id = ( \
               SELECT id FROM shifts WHERE claimed_by IS NULL AND starts_at > now() \
               ORDER BY starts_at LIMIT 1 FOR UPDATE SKIP LOCKED) \
             RETURNING to_char(starts_at, 'Dy HH24:MI') || ' ' || area",
            &[&badge],
        )?;
        tx.commit()?;
        let shift = row.map(|r| r.get::<_, String>(0));
        if let (Some(shift), Some(url)) = (&shift, &self.webhook) {
            let _ = self.http.post(url).json(&json!({ "text": format!("{badge} claimed {shift}") })).send();
        }
        Ok(shift)
    }
}
