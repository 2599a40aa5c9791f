use std::time::{Duration, Instant};

use anyhow::anyhow;
use postgres::Client;
use serde_json::json;

const SCREEN_TIMEOUT: Duration = Duration::from_secs(20);

#[derive(Clone)]
pub struct Config {
    pub database_url: String,
    pub redis_url: String,
    pub hr_webhook: String,
    pub site: String,
    pub font_path: String,
}

impl Config {
    pub fn from_env() -> Self {
        let var = |k: &str, d: &str| std::env::var(k).unwrap_or_else(|_| d.to_string());
        Self {
            database_url: var("DATABASE_URL", "postgres://kiosk@facilities-db:5432/facilities"),
            redis_url: var("REDIS_URL", "redis://facilities-cache:6379/2"),
            hr_webhook: var("HR_WEBHOOK", "https://hr.example.com/hooks/attendance"),
            site: var("SITE_NAME", "Berlin HQ"),
            font_path: var("FONT_PATH", "/usr/share/fonts/truetype/inter/Inter-Regular.ttf"),
        }
    }
}

enum Screen {
    Idle,
    Welcome(String),
    AwaitingHost { visitor: String, host: String },
    Error(String),
}

pub struct Kiosk {
    db: Client,
    cfg: Config,
    screen: Screen,
    shown_at: Instant,
    pending_visit: Option<i64>,
}

impl Kiosk {
    pub fn new(db: Client, cfg: Config) -> Self {
        Self { db, cfg, screen: Screen::Idle, shown_at: Instant::now(), pending_visit: None }
    }

    fn show(&mut self, screen: Screen) {
        self.screen = screen;
        self.shown_at = Instant::now();
    }

    pub fn on_scan(&mut self, badge: &str) {
        if badge.is_empty() {
            return;
        }
        let result = match badge.strip_prefix("V-") {
            Some(code) => self.start_visit(code),
            None => self.check_in_employee(badge),
        };
        if let Err(e) = result {
            self.show(Screen::Error(e.to_string()));
        }
    }

    fn check_in_employee(&mut self, badge: &str) -> anyhow::Result<()> {
        let row = self
            .db
            .query_opt(
                "SELECT id, display_name FROM employees WHERE badge = $1 AND active",
                &[&badge],
            )?
            .ok_or_else(|| anyhow!("Badge not recognised"))?;
        let employee_id: i64 = row.get(0);
        let name: String = row.get(1);

        self.db.execute(
            "INSERT INTO attendance (employee_id, site, checked_in_at) VALUES ($1, $2, now())",
            &[&employee_id, &self.cfg.site],
        )?;

        let hr = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()?;
        hr.post(&self.cfg.hr_webhook)
            .json(&json!({ "employee_id": employee_id, "site": self.cfg.site, "event": "check_in" }))
            .send()?
            .error_for_status()?;

        self.show(Screen::Welcome(name));
        Ok(())
    }

    fn start_visit(&mut self, code: &str) -> anyhow::Result<()> {
        self.db.batch_execute("BEGIN")?;
        let row = self.db.query_one(
            "SELECT v.id, v.visitor_name, h.display_name \
             FROM visits v JOIN employees h ON h.id = v.host_id \
             WHERE v.code = $1 AND v.status = 'expected' FOR UPDATE OF v",
            &[&code],
        )?;
        let visit_id: i64 = row.get(0);
        self.db.execute(
            "UPDATE visits SET status = 'arrived', arrived_at = now(), site = $2 WHERE id = $1",
            &[&visit_id, &self.cfg.site],
        )?;

        self.pending_visit = Some(visit_id);
        self.show(Screen::AwaitingHost { visitor: row.get(1), host: row.get(2) });
        Ok(())
    }

    pub fn confirm_visitor(&mut self) {
        if self.pending_visit.take().is_none() {
            return;
        }
        match self.db.batch_execute("COMMIT") {
            Ok(()) => self.show(Screen::Welcome("Your host has been notified".into())),
            Err(e) => self.show(Screen::Error(format!("Could not register visit: {e}"))),
        }
    }

    pub fn cancel(&mut self) {
        self.pending_visit = None;
        self.show(Screen::Idle);
    }

    pub fn tick(&mut self) {
        if !matches!(self.screen, Screen::Idle) && self.shown_at.elapsed() > SCREEN_TIMEOUT {
            self.pending_visit = None;
            self.show(Screen::Idle);
        }
    }

    pub fn headline(&self) -> String {
        match &self.screen {
            Screen::Idle => "Please scan your badge".into(),
            Screen::Welcome(name) => format!("Welcome, {name}"),
            Screen::AwaitingHost { visitor, .. } => format!("Hello {visitor}"),
            Screen::Error(msg) => msg.clone(),
        }
    }

    pub fn subline(&self) -> String {
        match &self.screen {
            Screen::AwaitingHost { host, .. } => format!("Press F1 to let {host} know you are here"),
            Screen::Error(_) => "Please ask reception for help".into(),
            _ => String::new(),
        }
    }
}
