//! Icinga 2 / Nagios check plugin. Icinga runs this binary once per check
//! interval (a fresh process each time); it connects to every replica listed in
//! the config file, measures replay lag, prints one status line plus perfdata
//! and exits with the Nagios return code.

mod config;

use std::process::ExitCode;
use std::time::Duration;

use redis::Commands;
use tokio_postgres::NoTls;

const OK: u8 = 0;
const WARNING: u8 = 1;
const CRITICAL: u8 = 2;
const UNKNOWN: u8 = 3;

struct Lag {
    name: String,
    seconds: Option<f64>,
    error: Option<String>,
}

async fn replica_lag(name: &str, dsn: &str) -> Lag {
    let connect = tokio::time::timeout(Duration::from_secs(5), tokio_postgres::connect(dsn, NoTls)).await;
    let (client, connection) = match connect {
        Ok(Ok(pair)) => pair,
        Ok(Err(e)) => return Lag { name: name.into(), seconds: None, error: Some(e.to_string()) },
        Err(_) => return Lag { name: name.into(), seconds: None, error: Some("connect timeout".into()) },
    };
    let conn_task = tokio::spawn(connection);

    let result = client
        .query_one(
            "SELECT EXTRACT(EPOCH FROM (now() - pg_last_xact_replay_timestamp()))::float8",
            &[],
        )
        .await;

    // Close this replica's session before moving on to the next host.
    drop(client);
    let _ = conn_task.await;

    match result {
        Ok(row) => Lag { name: name.into(), seconds: row.get(0), error: None },
        Err(e) => Lag { name: name.into(), seconds: None, error: Some(e.to_string()) },
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args = match config::Args::parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            println!("UNKNOWN - {}", e);
            return ExitCode::from(UNKNOWN);
        }
    };
    let cfg = match config::load(&args.config_path) {
        Ok(c) => c,
        Err(e) => {
            println!("UNKNOWN - cannot read {}: {}", args.config_path, e);
            return ExitCode::from(UNKNOWN);
        }
    };

    // Each replica is a different server, so each one gets its own short session.
    let mut lags = Vec::with_capacity(cfg.replicas.len());
    for replica in &cfg.replicas {
        lags.push(replica_lag(&replica.name, &replica.dsn).await);
    }

    let mut code = OK;
    let mut problems = Vec::new();
    let mut perf = Vec::new();
    for lag in &lags {
        match (lag.seconds, &lag.error) {
            (Some(s), _) => {
                perf.push(format!("'{}'={:.1}s;{};{}", lag.name, s, args.warn, args.crit));
                if s >= args.crit {
                    code = code.max(CRITICAL);
                    problems.push(format!("{} lag {:.0}s", lag.name, s));
                } else if s >= args.warn {
                    code = code.max(WARNING);
                    problems.push(format!("{} lag {:.0}s", lag.name, s));
                }
            }
            (None, Some(e)) => {
                code = code.max(CRITICAL);
                problems.push(format!("{} unreachable ({})", lag.name, e));
            }
            (None, None) => problems.push(format!("{} not in recovery", lag.name)),
        }
    }

    // Publish the result for the status-page widget; optional, never fails the check.
    if let Some(url) = &cfg.status_redis_url {
        if let Ok(client) = redis::Client::open(url.as_str()) {
            if let Ok(mut conn) = client.get_connection_with_timeout(Duration::from_secs(2)) {
                let _: redis::RedisResult<()> = conn.set_ex("status:pg_replicas", code, 300);
            }
        }
    }

    let label = ["OK", "WARNING", "CRITICAL", "UNKNOWN"][code as usize];
    let summary = if problems.is_empty() {
        format!("{} replicas in sync", lags.len())
    } else {
        problems.join(", ")
    };
    println!("PG_REPLICAS {} - {} | {}", label, summary, perf.join(" "));
    ExitCode::from(code)
}
