//! eve-prune: daily retention job (eve-prune.timer -> eve-prune.service).
//! One process per run: open a small pool, delete old alerts, close, exit.

use std::process::ExitCode;

fn retention_days() -> i32 {
    std::env::args()
        .skip_while(|a| a != "--days")
        .nth(1)
        .and_then(|d| d.parse().ok())
        .or_else(|| std::env::var("EVE_RETENTION_DAYS").ok().and_then(|d| d.parse().ok()))
        .unwrap_or(90)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let days = retention_days();
    let pool = match eve_router::connect_db(1).await {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("eve-prune: cannot connect: {e}");
            return ExitCode::FAILURE;
        }
    };

    let result = eve_router::prune_alerts(&pool, days).await;
    pool.close().await;

    match result {
        Ok(n) => {
            println!("eve-prune: removed {n} alerts older than {days} days");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("eve-prune: {e}");
            ExitCode::FAILURE
        }
    }
}
