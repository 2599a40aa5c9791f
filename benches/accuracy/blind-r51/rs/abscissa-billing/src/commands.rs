mod backfill;
mod start;

use std::path::PathBuf;

use abscissa_core::{Command, Configurable, FrameworkError, Runnable};
use clap::Parser;

use crate::config::BillingConfig;

pub const CONFIG_FILE: &str = "billing.toml";

#[derive(Command, Debug, Parser, Runnable)]
pub enum BillingCmd {
    /// Run the invoice sweep daemon.
    Start(start::StartCmd),
    /// Recompute invoice totals for one month (one-off maintenance).
    Backfill(backfill::BackfillCmd),
}

#[derive(Command, Debug, Parser)]
#[command(author, about, version)]
pub struct EntryPoint {
    #[command(subcommand)]
    cmd: BillingCmd,

    /// Enable verbose logging.
    #[arg(short, long)]
    pub verbose: bool,

    /// Path to the configuration file.
    #[arg(short, long)]
    pub config: Option<String>,
}

impl Runnable for EntryPoint {
    fn run(&self) {
        self.cmd.run()
    }
}

impl Configurable<BillingConfig> for EntryPoint {
    fn config_path(&self) -> Option<PathBuf> {
        let path = self
            .config
            .as_ref()
            .map(PathBuf::from)
            .unwrap_or_else(|| CONFIG_FILE.into());
        if path.exists() {
            Some(path)
        } else {
            None
        }
    }

    fn process_config(&self, config: BillingConfig) -> Result<BillingConfig, FrameworkError> {
        Ok(config)
    }
}
