//! Focus spans -> Postgres; once an hour, today's per-app totals are pushed
//! to the timesheet service. Uses the session and client handed in by main.

use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{Local, Utc};
use postgres::{Client, NoTls};

struct Span {
    app: String,
    desktop: String,
    since: Instant,
    started_at: chrono::DateTime<Utc>,
}

pub struct Tracker {
    db: Client,
    db_url: String,
    http: reqwest::blocking::Client,
    timesheet_api: Option<String>,
    current: Option<Span>,
    last_sync: Instant,
}

fn window_class(node: &str) -> String {
    let out = Command::new("bspc").args(["query", "-T", "-n", node]).output();
    let Ok(out) = out else { return "unknown".into() };
    serde_json::from_slice::<serde_json::Value>(&out.stdout)
        .ok()
        .and_then(|v| v["client"]["className"].as_str().map(str::to_string))
        .unwrap_or_else(|| "unknown".into())
}

impl Tracker {
    pub fn new(db: Client, db_url: String, http: reqwest::blocking::Client, timesheet_api: Option<String>) -> Self {
        Tracker { db, db_url, http, timesheet_api, current: None, last_sync: Instant::now() }
    }

    pub fn on_focus(&mut self, desktop: &str, node: Option<&str>) {
        let app = node.map(window_class).unwrap_or_else(|| "desktop".into());
        if let Some(prev) = &self.current {
            if prev.app == app && prev.desktop == desktop {
                return;
            }
        }
        if let Some(prev) = self.current.take() {
            self.store(prev);
        }
        self.current = Some(Span { app, desktop: desktop.to_string(), since: Instant::now(), started_at: Utc::now() });
        if self.last_sync.elapsed() >= Duration::from_secs(3600) {
            self.sync_totals();
            self.last_sync = Instant::now();
        }
    }

    fn store(&mut self, span: Span) {
        let secs = span.since.elapsed().as_secs() as i32;
        if secs < 2 {
            return;
        }
        if self.db.is_closed() {
            // Session dropped (suspend/resume): replace it, keep the same handle.
            match Client::connect(&self.db_url, NoTls) {
                Ok(c) => self.db = c,
                Err(e) => return log::warn!("span lost, database down: {e}"),
            }
        }
        let res = self.db.execute(
            "INSERT INTO focus_spans (app, desktop, started_at, seconds) VALUES ($1, $2, $3, $4)",
            &[&span.app, &span.desktop, &span.started_at, &secs],
        );
        if let Err(e) = res {
            log::warn!("span not stored: {e}");
        }
    }

    fn sync_totals(&mut self) {
        let Some(api) = self.timesheet_api.clone() else { return };
        let today = Local::now().date_naive();
        let rows = match self.db.query(
            "SELECT app, sum(seconds)::BIGINT FROM focus_spans WHERE started_at::date = $1 GROUP BY app",
            &[&today],
        ) {
            Ok(rows) => rows,
            Err(e) => return log::warn!("totals query failed: {e}"),
        };
        let totals: Vec<serde_json::Value> = rows
            .iter()
            .map(|r| serde_json::json!({ "app": r.get::<_, String>(0), "seconds": r.get::<_, i64>(1) }))
            .collect();
        let body = serde_json::json!({ "date": today.to_string(), "totals": totals });
        if let Err(e) = self.http.put(format!("{api}/days/{today}")).json(&body).send() {
            log::warn!("timesheet sync failed: {e}");
        }
    }
}
