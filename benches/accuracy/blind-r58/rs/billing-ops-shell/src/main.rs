//! billing-ops-shell: the console the billing on-call keeps open all day to
//! look up invoices, issue refunds and follow payments through the PSP.

mod audit;
mod commands;
mod db;

use std::error::Error;

use shellfish::{Command, Shell};

pub struct ConsoleState {
    pub operator: String,
    pub psp_base_url: String,
    pub psp_api_key: String,
    pub commands_run: u64,
}

fn main() -> Result<(), Box<dyn Error>> {
    let state = ConsoleState {
        operator: whoami::username(),
        psp_base_url: std::env::var("PSP_BASE_URL")
            .unwrap_or_else(|_| "https://api.psp.example.com".to_string()),
        psp_api_key: std::env::var("PSP_API_KEY")?,
        commands_run: 0,
    };

    println!("billing-ops-shell {} as {}", env!("CARGO_PKG_VERSION"), state.operator);
    let mut shell = Shell::new(state, "billing> ");

    shell.commands.insert(
        "invoice",
        Command::new("show an invoice: invoice <id>".to_string(), commands::invoice),
    );
    shell.commands.insert(
        "customer",
        Command::new("list a customer's open invoices: customer <email>".to_string(), commands::customer),
    );
    shell.commands.insert(
        "refund",
        Command::new("refund part of an invoice: refund <id> <cents> <reason...>".to_string(), commands::refund),
    );
    shell.commands.insert(
        "watch",
        Command::new("follow a PSP payment until it settles: watch <invoice-id>".to_string(), commands::watch),
    );

    shell.run()?;
    Ok(())
}
