mod actions;

use std::time::Duration;

use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Select};
use postgres::{Client, NoTls};

/// Connect once for the console session; if the VPN is not up yet, let
/// the operator retry instead of exiting.
fn connect(url: &str, theme: &ColorfulTheme) -> anyhow::Result<Client> {
    loop {
        match Client::connect(url, NoTls) {
            Ok(client) => return Ok(client),
            Err(e) => {
                eprintln!("database unreachable: {e}");
                let retry = Confirm::with_theme(theme)
                    .with_prompt("Retry connecting?")
                    .default(true)
                    .interact()?;
                if !retry {
                    anyhow::bail!("gave up connecting to the database");
                }
            }
        }
    }
}

fn main() -> anyhow::Result<()> {
    let theme = ColorfulTheme::default();
    let db_url = std::env::var("SUPPORT_DATABASE_URL")?;
    let payments = std::env::var("PAYMENTS_API")?;

    let mut db = connect(&db_url, &theme)?;
    let http = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .build();
    let mut ctx = actions::Ctx { db: &mut db, http: &http, payments: &payments };

    let items = ["Look up order", "Refund order", "Resend receipt", "Quit"];
    loop {
        let choice = Select::with_theme(&theme)
            .with_prompt("What do you need?")
            .items(&items)
            .default(0)
            .interact()?;
        let result = match choice {
            0 => actions::lookup(&mut ctx, &theme),
            1 => actions::refund(&mut ctx, &theme),
            2 => actions::resend_receipt(&mut ctx, &theme),
            _ => break,
        };
        if let Err(e) = result {
            eprintln!("{}", console::style(format!("error: {e}")).red());
        }
    }

    db.close()?;
    Ok(())
}
