//! ledger-tool: run by hand (or from the month-end runbook). Each invocation
//! executes exactly one command and exits.

mod commands;

use seahorse::{App, Command, Flag, FlagType};

fn main() {
    let args: Vec<String> = std::env::args().collect();

    let app = App::new(env!("CARGO_PKG_NAME"))
        .description(env!("CARGO_PKG_DESCRIPTION"))
        .author(env!("CARGO_PKG_AUTHORS"))
        .version(env!("CARGO_PKG_VERSION"))
        .usage("ledger-tool <command> [flags]")
        .command(
            Command::new("reconcile")
                .description("compare one settlement day from the PSP with the ledger")
                .usage("ledger-tool reconcile --date 2024-06-30 [--fix]")
                .flag(Flag::new("date", FlagType::String).description("settlement day (YYYY-MM-DD)").alias("d"))
                .flag(Flag::new("fix", FlagType::Bool).description("insert missing ledger rows"))
                .action(commands::reconcile_action),
        )
        .command(
            Command::new("export")
                .description("write all ledger entries of a month to CSV")
                .usage("ledger-tool export --month 2024-06 --out june.csv")
                .flag(Flag::new("month", FlagType::String).description("month (YYYY-MM)").alias("m"))
                .flag(Flag::new("out", FlagType::String).description("output file").alias("o"))
                .action(commands::export_action),
        );

    app.run(args);
}
