use std::time::Duration;

use abscissa_core::{Command, Runnable};
use clap::Parser;
use sqlx::postgres::PgPoolOptions;

use crate::invoices;
use crate::prelude::*;

#[derive(Command, Debug, Parser)]
pub struct StartCmd {
    /// Seconds between sweeps (defaults to daemon.sweep_seconds).
    #[arg(long)]
    every: Option<u64>,
}

impl Runnable for StartCmd {
    fn run(&self) {
        let config = APP.config();
        let url = config.database.url.clone();
        let max = config.database.max_connections;
        let every = Duration::from_secs(self.every.unwrap_or(config.daemon.sweep_seconds));

        let outcome = abscissa_tokio::run(&APP, async move {
            // Built once for the life of the daemon; every sweep borrows from it.
            let pool = PgPoolOptions::new().max_connections(max).connect(&url).await?;
            status_ok!("Started", "invoice sweeps every {:?}", every);

            let mut ticker = tokio::time::interval(every);
            loop {
                tokio::select! {
                    _ = ticker.tick() => {
                        match invoices::sweep(&pool).await {
                            Ok(0) => {}
                            Ok(n) => status_info!("Invoiced", "{} usage period(s)", n),
                            Err(err) => status_warn!("sweep failed: {}", err),
                        }
                    }
                    _ = tokio::signal::ctrl_c() => break,
                }
            }
            pool.close().await;
            Ok::<(), sqlx::Error>(())
        });

        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(err)) => {
                status_err!("daemon stopped: {}", err);
                std::process::exit(1);
            }
            Err(err) => {
                status_err!("runtime error: {}", err);
                std::process::exit(1);
            }
        }
    }
}
