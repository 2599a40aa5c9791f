use std::time::Duration;

use deno_core::{JsRuntime, PollEventLoopOptions, RuntimeOptions};
use sqlx::postgres::PgPoolOptions;
use tokio::io::{AsyncBufReadExt, BufReader};

mod ops;

deno_core::extension!(
    rulebox_ext,
    ops = [
        ops::op_customer_tier,
        ops::op_bump_counter,
        ops::op_lock_sku,
        ops::op_reserve,
        ops::op_release_sku,
    ],
    options = { pool: sqlx::PgPool },
    state = |state, options| {
        state.put(options.pool);
    },
);

// deno_core's JsRuntime is !Send, so everything runs on one current-thread runtime.
#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let pool = PgPoolOptions::new()
        .max_connections(6)
        .acquire_timeout(Duration::from_secs(3))
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;

    let mut runtime = JsRuntime::new(RuntimeOptions {
        extensions: vec![rulebox_ext::init_ops(pool)],
        ..Default::default()
    });

    let rules = std::fs::read_to_string(
        std::env::var("RULES_FILE").unwrap_or_else(|_| "rules/pricing.js".into()),
    )?;
    runtime.execute_script("rules.js", rules)?;

    // One order event per stdin line (fed by the order service through a pipe).
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    while let Some(line) = lines.next_line().await? {
        let event: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("skipping malformed event: {e}");
                continue;
            }
        };
        let call = format!("globalThis.onOrder({event});");
        if let Err(e) = runtime.execute_script("<event>", call) {
            eprintln!("rule threw: {e}");
            continue;
        }
        if let Err(e) = runtime.run_event_loop(PollEventLoopOptions::default()).await {
            eprintln!("rule failed: {e}");
        }
    }
    Ok(())
}
