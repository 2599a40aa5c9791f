//! Run by CI once per merge to main: `cargo licledger --team payments`.

use cargo_metadata::{MetadataCommand, Package};
use docopt::Docopt;
use serde::Deserialize;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

mod cratesio;

const USAGE: &str = "
Record dependency licenses in the compliance ledger.

Usage:
  cargo licledger [options]
  cargo licledger (-h | --help)

Options:
  --manifest-path <path>  Path to the workspace Cargo.toml.
  --team <team>           Owning team [default: platform].
  --dry-run               Print what would be recorded.
  -h, --help              Show this screen.
";

#[derive(Deserialize)]
struct Args {
    flag_manifest_path: Option<String>,
    flag_team: String,
    flag_dry_run: bool,
}

async fn record(pool: &PgPool, run_id: i64, pkg: &Package, license: &str) -> anyhow::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO crate_licenses (name, version, license) VALUES ($1, $2, $3) \
         ON CONFLICT (name, version) DO UPDATE SET license = EXCLUDED.license",
    )
    .bind(pkg.name.as_str())
    .bind(pkg.version.to_string())
    .bind(license)
    .execute(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO ledger_entries (run_id, name, version) VALUES ($1, $2, $3)")
        .bind(run_id)
        .bind(pkg.name.as_str())
        .bind(pkg.version.to_string())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Args = Docopt::new(USAGE)
        .and_then(|d| d.argv(std::env::args()).deserialize())
        .unwrap_or_else(|e| e.exit());

    let mut cmd = MetadataCommand::new();
    if let Some(path) = &args.flag_manifest_path {
        cmd.manifest_path(path);
    }
    let metadata = cmd.exec()?;

    let http = reqwest::Client::builder()
        .user_agent("cargo-licledger (compliance@corp.example)")
        .build()?;
    let pool = PgPoolOptions::new()
        .max_connections(2)
        .connect(&std::env::var("LEDGER_DATABASE_URL")?)
        .await?;

    let run_id: i64 = sqlx::query_scalar("INSERT INTO ledger_runs (team) VALUES ($1) RETURNING id")
        .bind(&args.flag_team)
        .fetch_one(&pool)
        .await?;

    let mut unknown = 0;
    for pkg in &metadata.packages {
        let license = match &pkg.license {
            Some(l) => Some(l.clone()),
            None => cratesio::license_of(&http, &pkg.name, &pkg.version.to_string()).await,
        };
        let Some(license) = license else {
            unknown += 1;
            eprintln!("warning: no license for {} {}", pkg.name, pkg.version);
            continue;
        };
        if args.flag_dry_run {
            println!("{} {} {}", pkg.name, pkg.version, license);
            continue;
        }
        record(&pool, run_id, pkg, &license).await?;
    }

    pool.close().await;
    if unknown > 0 {
        eprintln!("{unknown} package(s) without a license");
        std::process::exit(2);
    }
    Ok(())
}
