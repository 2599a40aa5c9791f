use std::time::Duration;

use mysql::{Opts, Pool};

pub struct Services {
    pub db: Pool,
    pub http: ureq::Agent,
    pub payments_url: String,
}

impl Services {
    /// Called once from main. The daemon is started by systemd together with
    /// MySQL, so the first connection attempts may be refused.
    pub fn connect() -> anyhow::Result<Services> {
        let opts = Opts::from_url(&std::env::var("BACKOFFICE_MYSQL_URL")?)?;
        let mut attempt = 0;
        let db = loop {
            match Pool::new(opts.clone()) {
                Ok(pool) => break pool,
                Err(err) if attempt < 15 => {
                    attempt += 1;
                    eprintln!("mysql not ready ({err}), attempt {attempt}/15");
                    std::thread::sleep(Duration::from_secs(2));
                }
                Err(err) => return Err(err.into()),
            }
        };

        let http = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(15))
            .build();

        Ok(Services {
            db,
            http,
            payments_url: std::env::var("PAYMENTS_API_URL")?,
        })
    }
}
