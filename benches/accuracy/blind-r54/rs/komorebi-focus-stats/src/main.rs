mod stats;

use std::io::{BufRead, BufReader};
use std::time::Instant;

use komorebi_client::{Notification, NotificationEvent, WindowManagerEvent};

use crate::stats::Stats;

const NAME: &str = "focus-stats.sock";

fn main() -> anyhow::Result<()> {
    env_logger::init();

    // Both backends are opened once; the subscriber runs for the whole
    // desktop session.
    let mut stats = Stats::open(
        &std::env::var("FOCUS_STATS_DSN")?,
        &std::env::var("FOCUS_STATS_REDIS").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
    )?;

    let socket = komorebi_client::subscribe(NAME)?;
    log::info!("subscribed to komorebi as {NAME}");

    let mut current: Option<(String, Instant)> = None;

    for incoming in socket.incoming() {
        let data = match incoming {
            Ok(data) => data,
            Err(error) => {
                log::debug!("{error}");
                continue;
            }
        };
        let reader = BufReader::new(data.try_clone()?);

        for line in reader.lines().map_while(Result::ok) {
            let notification: Notification = match serde_json::from_str(&line) {
                Ok(notification) => notification,
                Err(error) => {
                    log::debug!("discarding malformed komorebi notification: {error}");
                    continue;
                }
            };

            if let NotificationEvent::WindowManager(WindowManagerEvent::FocusChange(_, window)) =
                notification.event
            {
                let exe = window.exe().unwrap_or_else(|_| "unknown.exe".to_string());
                if let Some((previous, since)) = current.take() {
                    stats.add(&previous, since.elapsed());
                }
                if let Err(err) = stats.publish_current(&exe) {
                    log::warn!("could not publish current app: {err}");
                }
                current = Some((exe, Instant::now()));
            }

            if let Err(err) = stats.flush_if_due() {
                log::warn!("focus stats flush failed: {err}");
            }
        }
    }

    Ok(())
}
