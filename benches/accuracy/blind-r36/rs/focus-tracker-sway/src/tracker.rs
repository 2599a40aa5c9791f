use chrono::{Local, NaiveDateTime};
use regex::Regex;
use serde_json::json;

use crate::jira;
use crate::store::SpanStore;

pub struct Tracker {
    store: SpanStore,
    ticket_re: Regex,
    current: Option<(String, String, NaiveDateTime)>,
}

impl Tracker {
    pub fn new(store: SpanStore) -> Self {
        Tracker {
            store,
            ticket_re: Regex::new(r"\b([A-Z][A-Z0-9]+-\d+)\b").unwrap(),
            current: None,
        }
    }

    /// Called for every window focus change reported by sway.
    pub fn on_focus(&mut self, app: String, title: String) -> anyhow::Result<()> {
        let now = Local::now().naive_local();
        if let Some((prev_app, prev_title, started)) = self.current.take() {
            self.store.record(&prev_app, &prev_title, started, now)?;
            if let Some(ticket) = self.ticket_re.captures(&prev_title).map(|c| c[1].to_string()) {
                let seconds = (now - started).num_seconds();
                if seconds >= 60 {
                    let http = jira::client()?;
                    http.post(format!("{}/rest/api/3/issue/{ticket}/worklog", jira::base_url()))
                        .json(&json!({ "timeSpentSeconds": seconds, "comment": "focus-tracker" }))
                        .send()?
                        .error_for_status()?;
                }
            }
        }
        self.current = Some((app, title, now));
        Ok(())
    }
}
