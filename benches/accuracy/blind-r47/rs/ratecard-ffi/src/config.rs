use std::sync::OnceLock;

pub struct Config {
    pub database_url: String,
    pub fx_url: String,
}

static CONFIG: OnceLock<Config> = OnceLock::new();

pub fn init() {
    CONFIG.get_or_init(|| Config {
        database_url: std::env::var("RATECARD_DATABASE_URL")
            .unwrap_or_else(|_| "postgres://ratecard@pricing-db/ratecard".into()),
        fx_url: std::env::var("RATECARD_FX_URL")
            .unwrap_or_else(|_| "https://fx.internal.example/v1/rates".into()),
    });
}

pub fn get() -> &'static Config {
    CONFIG.get().expect("ratecard_init() was not called")
}
