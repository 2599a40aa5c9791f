//! Handlers behind the tray menu items (one call per click).

use std::sync::LazyLock;
use std::time::Duration;

use anyhow::{Context, Result};
use notify_rust::Notification;
use redis::Commands;
use serde::Deserialize;

static CI_HTTP: LazyLock<reqwest::blocking::Client> = LazyLock::new(|| {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("reqwest client")
});

fn redis_url() -> String {
    std::env::var("DEPLOY_REDIS_URL").unwrap_or_else(|_| "redis://deploy-redis.internal:6379/0".into())
}

pub fn set_paused(paused: bool) -> Result<()> {
    let mut conn = redis::Client::open(redis_url())?.get_connection()?;
    if paused {
        let who = std::env::var("USER").unwrap_or_else(|_| "unknown".into());
        conn.set::<_, _, ()>("deploys:paused", who)?;
        notify("Deploys paused", "The deploy train will stop after the current rollout.");
    } else {
        conn.del::<_, ()>("deploys:paused")?;
        notify("Deploys resumed", "Queued deploys will start shortly.");
    }
    Ok(())
}

#[derive(Deserialize)]
struct Pipeline {
    web_url: String,
}

pub fn open_last_failure() -> Result<()> {
    let base = std::env::var("CI_API_URL").context("CI_API_URL")?;
    let token = std::env::var("CI_TOKEN").context("CI_TOKEN")?;
    let pipelines: Vec<Pipeline> = CI_HTTP
        .get(format!("{base}/projects/42/pipelines?status=failed&ref=main&per_page=1"))
        .header("PRIVATE-TOKEN", token)
        .send()?
        .error_for_status()?
        .json()?;
    let latest = pipelines.first().context("no failed pipelines on main")?;
    open::that(&latest.web_url)?;
    Ok(())
}

pub fn notify(summary: &str, body: &str) {
    let _ = Notification::new()
        .appname("deploy-tray")
        .summary(summary)
        .body(body)
        .show();
}
