use std::time::Duration;

use mongodb::bson::{doc, Document};
use postgres::{Client, NoTls};
use serde_json::json;
use vizia::prelude::*;

pub struct KioskConfig {
    pub site: String,
    pub pg_dsn: String,
    pub mongo_uri: String,
    pub badge_printer_url: String,
}

impl KioskConfig {
    pub fn from_env() -> Self {
        KioskConfig {
            site: std::env::var("KIOSK_SITE").unwrap_or_else(|_| "HQ-LOBBY".into()),
            pg_dsn: std::env::var("VISITS_DSN").expect("VISITS_DSN"),
            mongo_uri: std::env::var("PREREG_MONGO_URI").expect("PREREG_MONGO_URI"),
            badge_printer_url: std::env::var("BADGE_PRINTER_URL")
                .unwrap_or_else(|_| "http://badge-printer.lobby.local:9100/print".into()),
        }
    }
}

#[derive(Debug)]
pub enum AppEvent {
    SetName(String),
    SetHost(String),
    Submit,
    Refresh,
}

#[derive(Lens)]
pub struct AppData {
    pub visitor_name: String,
    pub host_name: String,
    pub status: String,
    pub expected: Vec<String>,
    #[lens(ignore)]
    cfg: KioskConfig,
    #[lens(ignore)]
    visits: Client,
}

impl AppData {
    pub fn new(cfg: KioskConfig) -> Self {
        let visits = Client::connect(&cfg.pg_dsn, NoTls).expect("visits database");
        AppData {
            visitor_name: String::new(),
            host_name: String::new(),
            status: "Welcome! Please sign in.".into(),
            expected: Vec::new(),
            cfg,
            visits,
        }
    }

    fn check_in(&mut self) -> Result<String, Box<dyn std::error::Error>> {
        let row = self.visits.query_one(
            "INSERT INTO visits (site, visitor, host, arrived_at) VALUES ($1, $2, $3, now()) RETURNING id",
            &[&self.cfg.site, &self.visitor_name, &self.host_name],
        )?;
        let visit_id: i64 = row.get(0);

        let http = reqwest::blocking::Client::builder().timeout(Duration::from_secs(8)).build()?;
        http.post(&self.cfg.badge_printer_url)
            .json(&json!({
                "visit_id": visit_id,
                "name": self.visitor_name,
                "host": self.host_name,
                "date": chrono::Local::now().format("%Y-%m-%d").to_string(),
            }))
            .send()?
            .error_for_status()?;
        Ok(format!("Thanks {}, your badge is printing.", self.visitor_name))
    }

    fn load_expected(&self) -> Result<Vec<String>, mongodb::error::Error> {
        let mongo = mongodb::sync::Client::with_uri_str(&self.cfg.mongo_uri)?;
        let today = chrono::Local::now().format("%Y-%m-%d").to_string();
        let cursor = mongo
            .database("frontdesk")
            .collection::<Document>("preregistrations")
            .find(doc! { "site": &self.cfg.site, "date": today, "arrived": false })
            .run()?;
        let mut names = Vec::new();
        for d in cursor {
            if let Ok(name) = d?.get_str("name") {
                names.push(name.to_string());
            }
        }
        Ok(names)
    }
}

impl Model for AppData {
    fn event(&mut self, _cx: &mut EventContext, event: &mut Event) {
        event.map(|app_event, _| match app_event {
            AppEvent::SetName(name) => self.visitor_name = name.clone(),
            AppEvent::SetHost(host) => self.host_name = host.clone(),
            AppEvent::Submit => {
                if self.visitor_name.trim().is_empty() {
                    self.status = "Please enter your name.".into();
                    return;
                }
                self.status = match self.check_in() {
                    Ok(msg) => msg,
                    Err(e) => format!("Sorry, something went wrong ({e}). Please see reception."),
                };
                self.visitor_name.clear();
                self.host_name.clear();
            }
            AppEvent::Refresh => match self.load_expected() {
                Ok(names) => self.expected = names,
                Err(e) => eprintln!("pre-registration refresh failed: {e}"),
            },
        });
    }
}
