mod commands;
mod db;

use std::env;

use seahorse::{App, Command, Context, Flag, FlagType};

// seahorse actions are plain `fn(&Context)`; exit non-zero so the CronJob shows the failure
fn finish(result: anyhow::Result<()>) {
    if let Err(e) = result {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

fn expire_trials_action(c: &Context) {
    finish(commands::expire_trials(c))
}

fn export_invoices_action(c: &Context) {
    finish(commands::export_invoices(c))
}

fn resend_webhooks_action(c: &Context) {
    finish(commands::resend_webhooks(c))
}

fn main() {
    let args: Vec<String> = env::args().collect();
    let app = App::new(env!("CARGO_PKG_NAME"))
        .description(env!("CARGO_PKG_DESCRIPTION"))
        .version(env!("CARGO_PKG_VERSION"))
        .usage("trialctl <command> [flags]")
        .command(
            Command::new("expire-trials")
                .description("downgrade accounts whose trial ended more than --grace-days ago")
                .flag(Flag::new("grace-days", FlagType::Int).description("grace period in days (default 3)"))
                .flag(Flag::new("dry-run", FlagType::Bool).description("only print what would change"))
                .action(expire_trials_action),
        )
        .command(
            Command::new("export-invoices")
                .description("write one month of invoices to CSV")
                .usage("trialctl export-invoices --month 2024-05 [out.csv]")
                .flag(Flag::new("month", FlagType::String).description("YYYY-MM (default: current month)"))
                .action(export_invoices_action),
        )
        .command(
            Command::new("resend-webhooks")
                .description("retry failed customer webhook deliveries")
                .flag(Flag::new("limit", FlagType::Int).description("max deliveries to retry (default 500)"))
                .action(resend_webhooks_action),
        );
    app.run(args);
}
