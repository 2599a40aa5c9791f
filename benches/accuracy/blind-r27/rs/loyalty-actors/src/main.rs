//! loyalty-actors
//!
//! The POS bridge pipes one JSON event per line into stdin for every till in
//! the chain. Each event becomes a message for one of the actors below.

use serde::Deserialize;
use tokio::io::{AsyncBufReadExt, BufReader};
use xactor::Actor;

mod db;
mod fraud;
mod reporter;
mod terminals;

use fraud::{CheckRedeem, FraudGuard};
use terminals::{Earn, Login, Logout, Redeem, TerminalRegistry};

#[derive(Debug, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
enum PosEvent {
    Login { terminal: String, staff_id: i64 },
    Logout { terminal: String },
    Earn { terminal: String, card: String, points: i64 },
    Redeem { terminal: String, card: String, points: i64 },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = db::pool().await?;

    let registry = TerminalRegistry::new(pool.clone()).start().await?;
    let guard = FraudGuard::default().start().await?;
    let _reporter = reporter::Reporter::new(pool.clone()).start().await?;

    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    while let Some(line) = lines.next_line().await? {
        let event: PosEvent = match serde_json::from_str(&line) {
            Ok(ev) => ev,
            Err(e) => {
                eprintln!("bad POS event: {e}");
                continue;
            }
        };
        let outcome = match event {
            PosEvent::Login { terminal, staff_id } => registry.call(Login { terminal, staff_id }).await?,
            PosEvent::Logout { terminal } => {
                registry.send(Logout { terminal })?;
                Ok(())
            }
            PosEvent::Earn { terminal, card, points } => registry.call(Earn { terminal, card, points }).await?,
            PosEvent::Redeem { terminal, card, points } => {
                let allowed = guard.call(CheckRedeem { card: card.clone(), points }).await??;
                if allowed {
                    registry.call(Redeem { terminal, card, points }).await?
                } else {
                    Err(anyhow::anyhow!("redeem velocity limit hit for card {card}"))
                }
            }
        };
        if let Err(e) = outcome {
            eprintln!("event rejected: {e:#}");
        }
    }
    db::shutdown(pool).await;
    Ok(())
}
