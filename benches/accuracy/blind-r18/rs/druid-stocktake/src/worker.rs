use std::sync::mpsc::Receiver;
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::Result;
use druid::{ExtEventSink, Target};
use rusqlite::{params, Connection};

use crate::delegate::{ITEMS_LOADED, STATUS};
use crate::model::Item;

pub enum Job {
    Load,
    Save(Vec<Item>),
    Sync,
}

struct Worker {
    http: reqwest::blocking::Client,
    spool: Connection,
    hq_url: String,
}

/// Started once from main. The thread builds its clients before entering the
/// job loop and keeps them until the UI closes the channel.
pub fn spawn(
    sink: ExtEventSink,
    jobs: Receiver<Job>,
    hq_url: String,
    spool_path: String,
) -> Result<JoinHandle<()>> {
    let handle = std::thread::Builder::new().name("stocktake-worker".into()).spawn(move || {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(20))
            .build()
            .expect("http client");
        let spool = Connection::open(&spool_path).expect("open spool");
        spool
            .execute_batch(
                "CREATE TABLE IF NOT EXISTS counts (
                    sku TEXT PRIMARY KEY, counted INTEGER NOT NULL, synced INTEGER NOT NULL DEFAULT 0
                 )",
            )
            .expect("spool schema");
        let worker = Worker { http, spool, hq_url };

        for job in jobs {
            let res = match job {
                Job::Load => worker.load(&sink),
                Job::Save(items) => worker.save(&items, &sink),
                Job::Sync => worker.sync(&sink),
            };
            if let Err(e) = res {
                let _ = sink.submit_command(STATUS, format!("error: {e:#}"), Target::Auto);
            }
        }
    })?;
    Ok(handle)
}

impl Worker {
    fn load(&self, sink: &ExtEventSink) -> Result<()> {
        let items: Vec<Item> = self
            .http
            .get(format!("{}/stocktake/items", self.hq_url))
            .send()?
            .error_for_status()?
            .json()?;
        sink.submit_command(ITEMS_LOADED, items, Target::Auto)?;
        Ok(())
    }

    fn save(&self, items: &[Item], sink: &ExtEventSink) -> Result<()> {
        let mut stmt = self.spool.prepare_cached(
            "INSERT INTO counts (sku, counted, synced) VALUES (?1, ?2, 0)
             ON CONFLICT(sku) DO UPDATE SET counted = excluded.counted, synced = 0",
        )?;
        for item in items {
            stmt.execute(params![item.sku, item.counted])?;
        }
        sink.submit_command(STATUS, format!("saved {} counts", items.len()), Target::Auto)?;
        Ok(())
    }

    fn sync(&self, sink: &ExtEventSink) -> Result<()> {
        let mut stmt = self
            .spool
            .prepare_cached("SELECT sku, counted FROM counts WHERE synced = 0")?;
        let pending: Vec<(String, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (sku, counted) in &pending {
            self.http
                .put(format!("{}/stocktake/counts/{sku}", self.hq_url))
                .json(&serde_json_body(*counted))
                .send()?
                .error_for_status()?;
            self.spool
                .execute("UPDATE counts SET synced = 1 WHERE sku = ?1", params![sku])?;
        }
        sink.submit_command(STATUS, format!("synced {}", pending.len()), Target::Auto)?;
        Ok(())
    }
}

#[derive(serde::Serialize)]
struct CountBody {
    counted: i64,
}

fn serde_json_body(counted: i64) -> CountBody {
    CountBody { counted }
}
