use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::Parser;
use serde::Deserialize;
use sqlx::{Connection, PgConnection};

/// Apply pending migrations to every tenant database.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Path to tenants.toml
    #[arg(long, default_value = "tenants.toml")]
    config: PathBuf,

    /// Only migrate these tenants (default: all)
    #[arg(long = "only")]
    only: Vec<String>,
}

#[derive(Deserialize)]
struct Config {
    redis_url: String,
    tenants: Vec<Tenant>,
}

#[derive(Deserialize)]
struct Tenant {
    name: String,
    database_url: String,
}

const LOCK_KEY: &str = "tenant-migrator:lock";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let raw = std::fs::read_to_string(&args.config)
        .with_context(|| format!("reading {}", args.config.display()))?;
    let config: Config = toml::from_str(&raw)?;

    // One connection for the whole run: a distributed lock so two deploys
    // don't migrate at the same time.
    let redis = redis::Client::open(config.redis_url.as_str())?;
    let mut lock_conn = redis.get_connection()?;
    let acquired: Option<String> = redis::cmd("SET")
        .arg(LOCK_KEY)
        .arg(std::process::id())
        .arg("NX")
        .arg("EX")
        .arg(900)
        .query(&mut lock_conn)?;
    if acquired.is_none() {
        bail!("another migration run holds {LOCK_KEY}");
    }

    let migrator = sqlx::migrate!("./migrations");
    let mut failures = Vec::new();

    for tenant in &config.tenants {
        if !args.only.is_empty() && !args.only.contains(&tenant.name) {
            continue;
        }
        println!("migrating {}", tenant.name);

        let mut conn = match PgConnection::connect(&tenant.database_url).await {
            Ok(conn) => conn,
            Err(err) => {
                eprintln!("  cannot connect: {err}");
                failures.push(tenant.name.clone());
                continue;
            }
        };
        if let Err(err) = migrator.run(&mut conn).await {
            eprintln!("  migration failed: {err}");
            failures.push(tenant.name.clone());
        }
        conn.close().await?;
    }

    let _: () = redis::cmd("DEL").arg(LOCK_KEY).query(&mut lock_conn)?;

    if !failures.is_empty() {
        bail!("migration failed for: {}", failures.join(", "));
    }
    println!("all tenants up to date");
    Ok(())
}
