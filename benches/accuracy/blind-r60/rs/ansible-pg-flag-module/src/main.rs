//! Ansible binary module. Contract: argv[1] is a JSON file with the task
//! arguments; print exactly one JSON object on stdout; exit. Ansible starts a
//! new process for every task on every host.

use postgres::{Client, NoTls};
use serde::Deserialize;
use serde_json::json;
use std::process::ExitCode;

#[derive(Deserialize)]
struct Args {
    dsn: String,
    redis_url: Option<String>,
    name: String,
    enabled: bool,
    #[serde(default = "full_rollout")]
    rollout_pct: i16,
    #[serde(default, rename = "_ansible_check_mode")]
    check_mode: bool,
}

fn full_rollout() -> i16 {
    100
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    println!("{}", json!({ "failed": true, "msg": msg.to_string() }));
    ExitCode::FAILURE
}

fn connect(args: &Args) -> Result<Client, postgres::Error> {
    Client::connect(&args.dsn, NoTls)
}

/// Tell the app servers to drop their cached flag set.
fn invalidate_cache(redis_url: &str, flag: &str) -> redis::RedisResult<()> {
    let client = redis::Client::open(redis_url)?;
    let mut conn = client.get_connection()?;
    redis::cmd("PUBLISH")
        .arg("feature_flags:changed")
        .arg(flag)
        .query::<i64>(&mut conn)?;
    Ok(())
}

fn ensure_flag(db: &mut Client, args: &Args) -> Result<bool, postgres::Error> {
    let current = db.query_opt(
        "SELECT enabled, rollout_pct FROM feature_flags WHERE name = $1",
        &[&args.name],
    )?;
    let desired = (args.enabled, args.rollout_pct);
    let changed = match current {
        Some(row) => (row.get::<_, bool>(0), row.get::<_, i16>(1)) != desired,
        None => true,
    };
    if changed && !args.check_mode {
        let mut tx = db.transaction()?;
        tx.execute(
            "INSERT INTO feature_flags (name, enabled, rollout_pct, updated_at)
             VALUES ($1, $2, $3, now())
             ON CONFLICT (name) DO UPDATE
             SET enabled = EXCLUDED.enabled, rollout_pct = EXCLUDED.rollout_pct, updated_at = now()",
            &[&args.name, &args.enabled, &args.rollout_pct],
        )?;
        tx.execute(
            "INSERT INTO feature_flag_audit (name, enabled, rollout_pct, changed_by, changed_at)
             VALUES ($1, $2, $3, 'ansible', now())",
            &[&args.name, &args.enabled, &args.rollout_pct],
        )?;
        tx.commit()?;
    }
    Ok(changed)
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        return fail("expected the path of the module arguments file");
    };
    let args: Args = match std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|raw| serde_json::from_str(&raw).map_err(|e| e.to_string()))
    {
        Ok(a) => a,
        Err(e) => return fail(format!("invalid module arguments: {e}")),
    };

    let mut db = match connect(&args) {
        Ok(db) => db,
        Err(e) => return fail(format!("cannot connect to the database: {e}")),
    };
    let result = ensure_flag(&mut db, &args);
    let _ = db.close();

    let changed = match result {
        Ok(c) => c,
        Err(e) => return fail(e),
    };

    if changed && !args.check_mode {
        if let Some(url) = &args.redis_url {
            if let Err(e) = invalidate_cache(url, &args.name) {
                return fail(format!("flag updated but cache invalidation failed: {e}"));
            }
        }
    }

    println!(
        "{}",
        json!({
            "changed": changed,
            "name": args.name,
            "enabled": args.enabled,
            "rollout_pct": args.rollout_pct,
        })
    );
    ExitCode::SUCCESS
}
