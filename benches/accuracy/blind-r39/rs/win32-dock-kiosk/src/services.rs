use std::sync::OnceLock;
use std::time::Duration;

use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

pub struct Services {
    pub db: Pool,
    pub http: ureq::Agent,
    pub dock: String,
}

static SERVICES: OnceLock<Services> = OnceLock::new();

/// Called once from main before the window is created.
pub fn init() -> anyhow::Result<()> {
    let url = std::env::var("DOCK_DB_URL")?;
    let opts = OptsBuilder::from_opts(Opts::from_url(&url)?)
        .pool_opts(PoolOpts::default().with_constraints(PoolConstraints::new(1, 4).unwrap()));

    let mut attempt = 0;
    let db = loop {
        attempt += 1;
        match Pool::new(opts.clone()) {
            Ok(pool) => break pool,
            Err(e) if attempt < 10 => {
                eprintln!("database not reachable yet ({e}), retrying");
                std::thread::sleep(Duration::from_secs(3));
            }
            Err(e) => return Err(e.into()),
        }
    };

    let http = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(5))
        .build();

    let dock = std::env::var("DOCK_ID").unwrap_or_else(|_| "D1".into());
    SERVICES
        .set(Services { db, http, dock })
        .map_err(|_| anyhow::anyhow!("services already initialised"))?;
    Ok(())
}

pub fn get() -> &'static Services {
    SERVICES.get().expect("services::init not called")
}
