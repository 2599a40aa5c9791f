use std::sync::OnceLock;

pub struct Config {
    pub socket_path: String,
    pub rules_path: String,
    pub redis_url: String,
    pub blocklist_db_url: String,
    pub case_webhook_url: String,
}

static CONFIG: OnceLock<Config> = OnceLock::new();

pub fn load() -> &'static Config {
    CONFIG.get_or_init(|| Config {
        socket_path: env("FRAUDD_SOCKET", "/run/fraudd/fraudd.sock"),
        rules_path: env("FRAUDD_RULES", "/etc/fraudd/authorize.js"),
        redis_url: env("FRAUDD_REDIS_URL", "redis://127.0.0.1:6379/3"),
        blocklist_db_url: env(
            "FRAUDD_BLOCKLIST_DB",
            "host=risk-db.internal user=fraudd dbname=risk",
        ),
        case_webhook_url: env(
            "FRAUDD_CASE_WEBHOOK",
            "https://cases.risk.internal/api/v1/declines",
        ),
    })
}

pub fn get() -> &'static Config {
    CONFIG.get().expect("config not loaded")
}

fn env(key: &str, default: &str) -> String {
    std::env::var(key).unwrap_or_else(|_| default.to_string())
}
