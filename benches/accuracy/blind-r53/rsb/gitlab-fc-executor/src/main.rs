//! Wired into config.toml as
//!
//!   [runners.custom]
//!     config_exec  = "/opt/fc-executor/fc-executor"   config_args  = ["config"]
//!     prepare_exec = "/opt/fc-executor/fc-executor"   prepare_args = ["prepare"]
//!     run_exec     = "/opt/fc-executor/fc-executor"   run_args     = ["run"]
//!     cleanup_exec = "/opt/fc-executor/fc-executor"   cleanup_args = ["cleanup"]
//!
//! gitlab-runner starts a fresh process for every stage (and for every
//! sub-step of `run`), so each invocation does one thing and exits.

use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};

mod ledger;
mod stages;

#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    stage: Stage,
}

#[derive(Subcommand)]
enum Stage {
    Config,
    Prepare,
    /// run <script path> <sub-stage name>
    Run { script: std::path::PathBuf, step: String },
    Cleanup,
}

pub struct Job {
    pub id: String,
    pub project: String,
    pub pool_api: String,
    pub ledger_dsn: String,
}

impl Job {
    fn from_env() -> anyhow::Result<Self> {
        let get = |k: &str| std::env::var(k).map_err(|_| anyhow::anyhow!("{k} missing"));
        Ok(Self {
            id: get("CUSTOM_ENV_CI_JOB_ID")?,
            project: get("CUSTOM_ENV_CI_PROJECT_PATH")?,
            pool_api: std::env::var("FC_POOL_API").unwrap_or_else(|_| "http://127.0.0.1:7070".into()),
            ledger_dsn: std::env::var("FC_LEDGER_DSN")
                .unwrap_or_else(|_| "host=ci-ledger.internal user=fc_executor dbname=ci".into()),
        })
    }
}

fn exit_code(var: &str) -> ExitCode {
    let code = std::env::var(var).ok().and_then(|c| c.parse::<u8>().ok()).unwrap_or(1);
    ExitCode::from(code)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Stage::Config = cli.stage {
        println!("{}", stages::config_json());
        return ExitCode::SUCCESS;
    }

    let job = match Job::from_env() {
        Ok(j) => j,
        Err(e) => {
            eprintln!("fc-executor: {e:#}");
            return exit_code("SYSTEM_FAILURE_EXIT_CODE");
        }
    };

    // One HTTP client for this invocation, handed to whichever stage runs.
    let pool_api = match reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(120))
        .build()
    {
        Ok(c) => c,
        Err(e) => {
            eprintln!("fc-executor: http client: {e}");
            return exit_code("SYSTEM_FAILURE_EXIT_CODE");
        }
    };

    let result = match cli.stage {
        Stage::Config => unreachable!(),
        Stage::Prepare => stages::prepare(&pool_api, &job),
        Stage::Run { script, step } => match stages::run(&pool_api, &job, &script, &step) {
            Ok(true) => Ok(()),
            Ok(false) => return exit_code("BUILD_FAILURE_EXIT_CODE"),
            Err(e) => Err(e),
        },
        Stage::Cleanup => stages::cleanup(&pool_api, &job),
    };

    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fc-executor: {e:#}");
            exit_code("SYSTEM_FAILURE_EXIT_CODE")
        }
    }
}
