//! Module configuration, read once per agent process in zbx_module_init.

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::OnceLock;
use std::time::Duration;

#[derive(Debug, Deserialize)]
pub struct Config {
    /// Named Postgres DSNs, e.g. `primary = "host=db1 user=zbx_monitor ..."`.
    pub postgres: HashMap<String, String>,
    pub redis_url: String,
    pub api_health_url: String,
}

static CONFIG: OnceLock<Config> = OnceLock::new();
static HTTP: OnceLock<reqwest::blocking::Client> = OnceLock::new();
static TIMEOUT_SECS: AtomicI32 = AtomicI32::new(3);

pub fn load(path: &str) -> Result<(), Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path)?;
    let cfg: Config = toml::from_str(&text)?;
    let _ = CONFIG.set(cfg);
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .user_agent("zbx_pgmon/0.4")
        .build()?;
    let _ = HTTP.set(http);
    Ok(())
}

pub fn get() -> &'static Config {
    CONFIG.get().expect("zbx_module_init not called")
}

pub fn http() -> &'static reqwest::blocking::Client {
    HTTP.get().expect("zbx_module_init not called")
}

pub fn set_timeout(secs: i32) {
    if secs > 0 {
        TIMEOUT_SECS.store(secs, Ordering::Relaxed);
    }
}

pub fn timeout() -> Duration {
    Duration::from_secs(TIMEOUT_SECS.load(Ordering::Relaxed) as u64)
}
