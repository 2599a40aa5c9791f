//! Process-wide clients. `init` runs once from main; jobs borrow them through
//! `services()`, which only reads the OnceLock and never builds anything.

use std::sync::OnceLock;
use std::thread::sleep;
use std::time::Duration;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type PgPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

pub struct Services {
    pub db: PgPool,
    pub http: reqwest::blocking::Client,
    pub fx_url: String,
}

static SERVICES: OnceLock<Services> = OnceLock::new();

pub fn init() -> Result<(), Box<dyn std::error::Error>> {
    let dsn = std::env::var("FINANCE_PG_DSN")?;
    let config: r2d2_postgres::postgres::Config = dsn.parse()?;

    // The database VM sometimes comes up after us on a host reboot.
    let mut attempt = 0;
    let db = loop {
        attempt += 1;
        let manager = PostgresConnectionManager::new(config.clone(), NoTls);
        match r2d2::Pool::builder()
            .max_size(4)
            .connection_timeout(Duration::from_secs(10))
            .build(manager)
        {
            Ok(pool) => break pool,
            Err(e) if attempt < 6 => {
                eprintln!("finance-jobs: database not ready ({e}), retry {attempt}");
                sleep(Duration::from_secs(5));
            }
            Err(e) => return Err(e.into()),
        }
    };

    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(20))
        .user_agent("finance-jobs/0.4")
        .build()?;

    let fx_url = std::env::var("FX_RATES_URL")
        .unwrap_or_else(|_| "https://fx.internal/api/v1/latest?base=EUR".into());

    SERVICES
        .set(Services { db, http, fx_url })
        .map_err(|_| "services initialised twice")?;
    Ok(())
}

pub fn services() -> &'static Services {
    SERVICES.get().expect("services::init must run before jobs")
}
