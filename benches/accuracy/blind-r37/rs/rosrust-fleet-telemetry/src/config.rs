pub struct Config {
    pub database_url: String,
    pub alert_webhook: String,
}

impl Config {
    pub fn from_params() -> Self {
        let database_url = rosrust::param("~database_url")
            .and_then(|p| p.get::<String>().ok())
            .unwrap_or_else(|| "postgres://fleet@localhost/fleet".to_string());
        let alert_webhook = rosrust::param("~alert_webhook")
            .and_then(|p| p.get::<String>().ok())
            .unwrap_or_else(|| "http://ops.local/hooks/estop".to_string());
        Self { database_url, alert_webhook }
    }
}
