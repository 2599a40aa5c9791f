//! Background refresher: every 30 s checks the pipeline on `main` and the
//! number of deploys waiting in the queue, notifying on changes.

use std::thread;
use std::time::Duration;

use postgres::{Client, NoTls};
use serde::Deserialize;

use crate::actions::notify;

#[derive(Deserialize, PartialEq, Clone)]
struct PipelineStatus {
    id: u64,
    status: String,
}

fn connect_queue_db() -> Option<Client> {
    let url = std::env::var("DEPLOY_DATABASE_URL").ok()?;
    Client::connect(&url, NoTls).ok()
}

pub fn spawn_refresher() {
    thread::spawn(|| {
        let base = std::env::var("CI_API_URL").unwrap_or_default();
        let token = std::env::var("CI_TOKEN").unwrap_or_default();
        let mut queue_db = connect_queue_db();
        let mut last: Option<PipelineStatus> = None;

        loop {
            let http = reqwest::blocking::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()
                .expect("reqwest client");
            let latest = http
                .get(format!("{base}/projects/42/pipelines?ref=main&per_page=1"))
                .header("PRIVATE-TOKEN", &token)
                .send()
                .and_then(|r| r.json::<Vec<PipelineStatus>>())
                .ok()
                .and_then(|mut v| v.pop());

            if let Some(current) = latest {
                if last.as_ref() != Some(&current) && current.status == "failed" {
                    notify("main is red", &format!("Pipeline #{} failed", current.id));
                }
                last = Some(current);
            }

            if queue_db.as_ref().map_or(true, |c| c.is_closed()) {
                queue_db = connect_queue_db();
            }
            if let Some(db) = queue_db.as_mut() {
                if let Ok(row) = db.query_one(
                    "SELECT count(*) FROM deploy_queue WHERE state = 'waiting'",
                    &[],
                ) {
                    let waiting: i64 = row.get(0);
                    if waiting > 5 {
                        notify("Deploy queue backing up", &format!("{waiting} deploys waiting"));
                    }
                }
            }

            thread::sleep(Duration::from_secs(30));
        }
    });
}
