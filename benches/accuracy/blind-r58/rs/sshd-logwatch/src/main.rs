//! sshd-logwatch: a systemd service on the bastion hosts. Follows
//! /var/log/auth.log (logwatcher handles rotation) and, for every failed
//! password line, records the attempt and alerts the SOC of the site that
//! owns the source network once an address crosses the threshold.

mod clients;
mod notify;

use anyhow::Result;
use logwatcher::{LogWatcher, LogWatcherAction};
use regex::Regex;

use crate::notify::{Notifier, SiteConfig};

const THRESHOLD: i64 = 8;

fn main() -> Result<()> {
    let log_path = std::env::var("AUTH_LOG").unwrap_or_else(|_| "/var/log/auth.log".into());
    let sites: Vec<SiteConfig> = toml::from_str::<notify::Config>(&std::fs::read_to_string(
        std::env::var("SITES_CONFIG").unwrap_or_else(|_| "/etc/sshd-logwatch/sites.toml".into()),
    )?)?
    .site;

    let pool = clients::make_pool()?;
    let mut notifier = Notifier::new(sites);
    let failed = Regex::new(r"Failed password for (?:invalid user )?(\S+) from (\S+) port \d+")?;

    let mut watcher = LogWatcher::register(log_path)?;
    watcher.watch(&mut move |line: String| {
        let Some(caps) = failed.captures(&line) else {
            return LogWatcherAction::None;
        };
        let user = caps[1].to_string();
        let addr = caps[2].to_string();

        let recent = match pool.get() {
            Ok(mut conn) => {
                let inserted = conn.execute(
                    "INSERT INTO ssh_failures (username, source_addr, seen_at) VALUES ($1, $2::inet, now())",
                    &[&user, &addr],
                );
                if let Err(err) = inserted {
                    eprintln!("insert failed: {err}");
                }
                conn.query_one(
                    "SELECT count(*) FROM ssh_failures \
                     WHERE source_addr = $1::inet AND seen_at > now() - interval '10 minutes'",
                    &[&addr],
                )
                .map(|row| row.get::<_, i64>(0))
                .unwrap_or(0)
            }
            Err(err) => {
                eprintln!("database unavailable: {err}");
                0
            }
        };

        if recent == THRESHOLD {
            if let Err(err) = notifier.alert(&addr, &user, recent) {
                eprintln!("alert for {addr} failed: {err}");
            }
        }
        LogWatcherAction::None
    });

    Ok(())
}
