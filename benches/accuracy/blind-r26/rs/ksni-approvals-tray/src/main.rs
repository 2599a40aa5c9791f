//! KDE/GNOME status-notifier tray that shows pending expense approvals and lets
//! a manager approve them from the menu. Clients are built once in main.
mod api;

use std::time::Duration;

use ksni::menu::StandardItem;
use ksni::{MenuItem, Tray, TrayService};
use rusqlite::Connection;

use api::{ApprovalsApi, Pending};

struct ApprovalsTray {
    api: ApprovalsApi,
    cache: Connection,
    pending: Vec<Pending>,
}

impl ApprovalsTray {
    fn refresh(&mut self) {
        match self.api.pending() {
            Ok(items) => {
                let _ = self.cache.execute("DELETE FROM pending", []);
                for p in &items {
                    let _ = self.cache.execute(
                        "INSERT INTO pending (id, submitter, amount) VALUES (?1, ?2, ?3)",
                        (p.id, &p.submitter, p.amount),
                    );
                }
                self.pending = items;
            }
            Err(_) => {
                // Offline: fall back to the last snapshot.
                if let Ok(mut stmt) = self.cache.prepare_cached("SELECT id, submitter, amount FROM pending") {
                    if let Ok(rows) = stmt.query_map([], |r| Ok(Pending { id: r.get(0)?, submitter: r.get(1)?, amount: r.get(2)? })) {
                        self.pending = rows.filter_map(Result::ok).collect();
                    }
                }
            }
        }
    }

    fn approve(&mut self, id: i64) {
        if self.api.approve(id).is_ok() {
            self.pending.retain(|p| p.id != id);
            let _ = self.cache.execute("DELETE FROM pending WHERE id = ?1", [id]);
        }
    }
}

impl Tray for ApprovalsTray {
    fn id(&self) -> String {
        "expense-approvals".into()
    }

    fn title(&self) -> String {
        format!("Approvals ({})", self.pending.len())
    }

    fn icon_name(&self) -> String {
        if self.pending.is_empty() { "mail-read".into() } else { "mail-unread".into() }
    }

    fn activate(&mut self, _x: i32, _y: i32) {
        self.refresh();
    }

    fn menu(&self) -> Vec<MenuItem<Self>> {
        let mut items: Vec<MenuItem<Self>> = self
            .pending
            .iter()
            .map(|p| {
                let id = p.id;
                StandardItem {
                    label: format!("Approve #{} – {} ({:.2} €)", p.id, p.submitter, p.amount),
                    activate: Box::new(move |this: &mut Self| this.approve(id)),
                    ..Default::default()
                }
                .into()
            })
            .collect();
        items.push(MenuItem::Separator);
        items.push(
            StandardItem {
                label: "Refresh".into(),
                activate: Box::new(|this: &mut Self| this.refresh()),
                ..Default::default()
            }
            .into(),
        );
        items
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cache_path = std::env::var("APPROVALS_CACHE").unwrap_or_else(|_| "approvals-cache.sqlite".into());
    let cache = Connection::open(cache_path)?;
    cache.execute_batch("CREATE TABLE IF NOT EXISTS pending (id INTEGER PRIMARY KEY, submitter TEXT, amount REAL)")?;
    let api = ApprovalsApi::new(std::env::var("APPROVALS_TOKEN")?)?;

    let mut tray = ApprovalsTray { api, cache, pending: Vec::new() };
    tray.refresh();

    let service = TrayService::new(tray);
    let handle = service.handle();
    service.spawn();

    loop {
        std::thread::sleep(Duration::from_secs(120));
        handle.update(|tray: &mut ApprovalsTray| tray.refresh());
    }
}
