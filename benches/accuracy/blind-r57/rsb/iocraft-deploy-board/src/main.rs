//! `deploy-board`: a full-screen terminal dashboard that shows the last
//! deploys recorded by the release pipeline, the status page summary, and
//! lets on-call trigger a redeploy of the highlighted service.
//!
//! Usage:
//!   DEPLOY_DB_URL=postgres://... deploy-board [--status-url URL] [--deployer-url URL]
mod board;
mod data;

use std::env;

use iocraft::prelude::*;

use board::DeployBoard;

struct Config {
    database_url: String,
    status_url: String,
    deployer_url: String,
}

fn parse_args() -> Config {
    let mut cfg = Config {
        database_url: env::var("DEPLOY_DB_URL")
            .unwrap_or_else(|_| "postgres://readonly@release-db.internal/releases".into()),
        status_url: "https://status.internal.example.com/api/v2/summary.json".into(),
        deployer_url: "https://deployer.internal.example.com".into(),
    };
    let mut args = env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--status-url" => cfg.status_url = args.next().unwrap_or(cfg.status_url),
            "--deployer-url" => cfg.deployer_url = args.next().unwrap_or(cfg.deployer_url),
            "-h" | "--help" => {
                println!("deploy-board [--status-url URL] [--deployer-url URL]");
                std::process::exit(0);
            }
            other => eprintln!("ignoring unknown argument {other}"),
        }
    }
    cfg
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let cfg = parse_args();
    element! {
        DeployBoard(
            database_url: cfg.database_url,
            status_url: cfg.status_url,
            deployer_url: cfg.deployer_url,
        )
    }
    .fullscreen()
    .await
}
