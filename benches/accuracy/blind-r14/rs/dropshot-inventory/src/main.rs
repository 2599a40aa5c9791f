mod endpoints;
mod pricing;

use std::collections::HashMap;
use std::sync::Arc;

use deadpool_postgres::{Manager, ManagerConfig, Object, Pool, RecyclingMethod};
use dropshot::{ApiDescription, ConfigDropshot, ConfigLogging, ConfigLoggingLevel, ServerBuilder};
use tokio::sync::Mutex;
use tokio_postgres::NoTls;
use uuid::Uuid;

pub struct ServerCtx {
    pub pool: Pool,
    pub audit_url: String,
    pub pricing_base: String,
    /// Open stocktakes: the REPEATABLE READ snapshot lives on the checked-out connection.
    pub stocktakes: Mutex<HashMap<Uuid, Object>>,
}

#[tokio::main]
async fn main() -> Result<(), String> {
    let log = ConfigLogging::StderrTerminal { level: ConfigLoggingLevel::Info }
        .to_logger("inventory")
        .map_err(|e| e.to_string())?;

    let pg_config: tokio_postgres::Config = std::env::var("DATABASE_URL")
        .map_err(|e| e.to_string())?
        .parse()
        .map_err(|e: tokio_postgres::Error| e.to_string())?;
    let mgr = Manager::from_config(
        pg_config,
        NoTls,
        ManagerConfig { recycling_method: RecyclingMethod::Fast },
    );
    // Sized for the Black Friday load test; every replica gets the same pool.
    let pool = Pool::builder(mgr).max_size(80).build().map_err(|e| e.to_string())?;

    let ctx = ServerCtx {
        pool,
        audit_url: std::env::var("AUDIT_DATABASE_URL").map_err(|e| e.to_string())?,
        pricing_base: std::env::var("PRICING_URL")
            .unwrap_or_else(|_| "http://pricing.internal:8080".into()),
        stocktakes: Mutex::new(HashMap::new()),
    };

    let mut api = ApiDescription::new();
    endpoints::register(&mut api)?;

    let config = ConfigDropshot {
        bind_address: "0.0.0.0:8080".parse().unwrap(),
        ..Default::default()
    };

    let server = ServerBuilder::new(api, Arc::new(ctx), log)
        .config(config)
        .start()
        .map_err(|e| e.to_string())?;
    server.await
}
