mod alerts;
mod snapshot;

use std::{thread, time::Duration};

use slog::{error, info, o, Drain, Logger};

fn build_logger() -> Logger {
    let decorator = slog_term::TermDecorator::new().build();
    let term = slog_term::FullFormat::new(decorator).build().fuse();
    let alerting = alerts::AlertDrain::from_env();

    let drain = slog::Duplicate::new(term, alerting).ignore_res();
    let drain = slog_async::Async::new(drain).chan_size(4096).build().fuse();
    Logger::root(drain, o!("svc" => "backup-agent", "host" => hostname()))
}

fn hostname() -> String {
    std::env::var("HOSTNAME").unwrap_or_else(|_| "unknown".into())
}

fn main() {
    let log = build_logger();
    let plan = snapshot::Plan::from_env();
    info!(log, "backup agent started"; "paths" => plan.paths.len());

    loop {
        for path in &plan.paths {
            match snapshot::run(&plan, path) {
                Ok(stats) => info!(log, "snapshot ok"; "path" => %path.display(), "files" => stats.files, "bytes" => stats.bytes),
                Err(e) => error!(log, "snapshot failed"; "path" => %path.display(), "error" => %e),
            }
        }
        thread::sleep(Duration::from_secs(300));
    }
}
