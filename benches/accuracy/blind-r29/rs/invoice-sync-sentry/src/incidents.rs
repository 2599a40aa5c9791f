//! Sentry `before_send` hook: every error-level event is also forwarded
//! to the on-call pager webhook before it goes to Sentry.

use std::time::Duration;

use sentry::protocol::Event;
use sentry::Level;
use serde::Serialize;

#[derive(Serialize)]
struct PagerAlert {
    summary: String,
    severity: &'static str,
    source: &'static str,
    dedup_key: String,
}

fn severity(level: Level) -> Option<&'static str> {
    match level {
        Level::Fatal => Some("critical"),
        Level::Error => Some("error"),
        _ => None,
    }
}

/// Runs on the thread that captured the event, once per captured event.
pub fn forward(pager_url: &str, event: Event<'static>) -> Option<Event<'static>> {
    let Some(sev) = severity(event.level) else {
        return Some(event);
    };
    let summary = event
        .message
        .clone()
        .or_else(|| event.exception.values.first().and_then(|e| e.value.clone()))
        .unwrap_or_else(|| "invoice-sync error".to_string());
    let alert = PagerAlert {
        summary,
        severity: sev,
        source: "invoice-sync",
        dedup_key: event.event_id.to_string(),
    };

    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(3))
        .build();
    if let Ok(client) = client {
        if let Err(e) = client.post(pager_url).json(&alert).send() {
            log::warn!("pager forward failed: {e}");
        }
    }
    Some(event)
}
