//! Handlers called from the PulseAudio subscribe callback, once per source-output event.

use libpulse_binding::callbacks::ListResult;
use libpulse_binding::context::introspect::Introspector;
use libpulse_binding::proplist::properties;

use crate::notify::{self, MicAlert};
use crate::store;

const WATCHED_APPS: &[&str] = &["zoom", "Slack", "Microsoft Teams", "Google Chrome", "Firefox"];

pub fn capture_started(introspect: &Introspector, index: u32) {
    introspect.get_source_output_info(index, move |result| {
        let info = match result {
            ListResult::Item(info) => info,
            ListResult::End => return,
            ListResult::Error => {
                log::warn!("source output {index} vanished before it could be inspected");
                return;
            }
        };

        let app = info
            .proplist
            .get_str(properties::APPLICATION_NAME)
            .unwrap_or_else(|| "unknown".to_string());
        let binary = info
            .proplist
            .get_str(properties::APPLICATION_PROCESS_BINARY)
            .unwrap_or_default();
        let source = info.source;

        let mut db = match store::connect() {
            Ok(db) => db,
            Err(e) => {
                log::error!("audit db unavailable: {e}");
                return;
            }
        };
        if let Err(e) = db.execute(
            "INSERT INTO mic_sessions (stream_index, app_name, binary, source_index, started_at) \
             VALUES ($1, $2, $3, $4, now())",
            &[&(index as i64), &app, &binary, &(source as i64)],
        ) {
            log::error!("could not record capture start: {e}");
        }

        if !WATCHED_APPS.iter().any(|w| app.contains(w)) {
            notify::send(&MicAlert { app: &app, binary: &binary, index });
        }
    });
}

pub fn capture_stopped(index: u32) {
    let mut db = match store::connect() {
        Ok(db) => db,
        Err(e) => {
            log::error!("audit db unavailable: {e}");
            return;
        }
    };
    if let Err(e) = db.execute(
        "UPDATE mic_sessions SET ended_at = now() WHERE stream_index = $1 AND ended_at IS NULL",
        &[&(index as i64)],
    ) {
        log::error!("could not record capture stop: {e}");
    }
}
