use std::time::Duration;

use anyhow::Result;
use rusqlite::{params, Connection};
use serde::Deserialize;
use vizia::prelude::*;

#[derive(Clone, Data, Lens, Deserialize)]
pub struct Ticket {
    pub id: i64,
    pub title: String,
    pub site: String,
}

/// Local SQLite store plus the dispatch API client. Created once in `main`.
pub struct Services {
    db: Connection,
    http: reqwest::blocking::Client,
    api: String,
    token: String,
}

impl Services {
    pub fn open() -> Result<Self> {
        let db = Connection::open("tickets.db")?;
        db.execute_batch(
            "CREATE TABLE IF NOT EXISTS tickets (
                id INTEGER PRIMARY KEY, title TEXT NOT NULL, site TEXT NOT NULL,
                closed INTEGER NOT NULL DEFAULT 0, pushed INTEGER NOT NULL DEFAULT 1)",
        )?;
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(20))
            .build()?;
        Ok(Services {
            db,
            http,
            api: std::env::var("DISPATCH_API").unwrap_or_else(|_| "https://dispatch.example.com".into()),
            token: std::env::var("DISPATCH_TOKEN").unwrap_or_default(),
        })
    }

    pub fn sync(&mut self) -> Result<usize> {
        // push closures made while offline
        let pending: Vec<i64> = {
            let mut stmt = self.db.prepare_cached("SELECT id FROM tickets WHERE closed = 1 AND pushed = 0")?;
            let ids = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            ids
        };
        for id in pending {
            self.http
                .post(format!("{}/tickets/{id}/close", self.api))
                .bearer_auth(&self.token)
                .send()?
                .error_for_status()?;
            self.db.execute("UPDATE tickets SET pushed = 1 WHERE id = ?1", params![id])?;
        }

        let remote: Vec<Ticket> = self
            .http
            .get(format!("{}/tickets?assigned=me", self.api))
            .bearer_auth(&self.token)
            .send()?
            .error_for_status()?
            .json()?;
        let tx = self.db.transaction()?;
        for t in &remote {
            tx.execute(
                "INSERT INTO tickets (id, title, site) VALUES (?1, ?2, ?3)
                 ON CONFLICT(id) DO UPDATE SET title = excluded.title, site = excluded.site",
                params![t.id, t.title, t.site],
            )?;
        }
        tx.commit()?;
        Ok(remote.len())
    }

    pub fn open_tickets(&self) -> Result<Vec<Ticket>> {
        let mut stmt = self.db.prepare_cached("SELECT id, title, site FROM tickets WHERE closed = 0 ORDER BY id")?;
        let rows = stmt
            .query_map([], |r| Ok(Ticket { id: r.get(0)?, title: r.get(1)?, site: r.get(2)? }))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn close_ticket(&mut self, id: i64) -> Result<()> {
        self.db.execute("UPDATE tickets SET closed = 1, pushed = 0 WHERE id = ?1", params![id])?;
        Ok(())
    }
}
