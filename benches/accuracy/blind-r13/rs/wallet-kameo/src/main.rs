mod accounts;
mod ledger;
mod notifier;

use kameo::prelude::*;
use serde::Deserialize;
use tokio::io::{AsyncBufReadExt, BufReader};

#[derive(Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum Command {
    Open { owner: String, email: String },
    Transfer { from: uuid::Uuid, to: uuid::Uuid, cents: i64 },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let accounts = accounts::spawn_accounts().await?;
    let ledger = ledger::Ledger::spawn(ledger::Ledger::connect().await?);
    let notifier = notifier::Notifier::spawn(notifier::Notifier {
        webhook: std::env::var("RECEIPT_WEBHOOK")?,
    });

    // Commands arrive as JSON lines from the gateway sidecar on stdin.
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    while let Some(line) = lines.next_line().await? {
        let cmd: Command = match serde_json::from_str(&line) {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!("bad command: {e}");
                continue;
            }
        };
        match cmd {
            Command::Open { owner, email } => {
                let id = accounts.ask(accounts::OpenAccount { owner, email }).await?;
                println!("{{\"opened\":\"{id}\"}}");
            }
            Command::Transfer { from, to, cents } => {
                let entry_id = ledger.ask(ledger::PostTransfer { from, to, cents }).await?;
                notifier.tell(notifier::SendReceipt { entry_id, from, to, cents }).await?;
            }
        }
    }
    Ok(())
}
