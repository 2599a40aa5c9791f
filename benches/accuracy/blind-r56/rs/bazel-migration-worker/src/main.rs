//! Entry point. Bazel starts this binary once with `--persistent_worker` and
//! then streams WorkRequests to it for every `sql_migration_check` action in
//! the build; without the flag it behaves as a plain one-shot action.

mod check;
mod protocol;
mod registry;

use std::io::{self, BufReader};

use protocol::{expand_flagfiles, read_request, write_response, WorkResponse};

fn database_url() -> String {
    std::env::var("SCRATCH_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://bazel:bazel@scratch-pg.ci.internal:5432/scratch".into())
}

fn handle(database_url: &str, arguments: &[String]) -> (i32, String) {
    let result = expand_flagfiles(arguments)
        .and_then(|args| check::CheckArgs::parse(&args))
        .and_then(|args| check::run(database_url, &args));
    match result {
        Ok(log) => (0, log),
        Err(e) => (1, format!("{e:#}\n")),
    }
}

fn persistent_worker(database_url: &str) -> anyhow::Result<()> {
    let mut stdin = BufReader::new(io::stdin().lock());
    let mut stdout = io::stdout().lock();
    while let Some(req) = read_request(&mut stdin)? {
        if req.cancel {
            // Requests are handled synchronously, so there is never anything to cancel.
            continue;
        }
        let (exit_code, output) = handle(database_url, &req.arguments);
        write_response(
            &mut stdout,
            &WorkResponse { exit_code, output, request_id: req.request_id, was_cancelled: false },
        )?;
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let url = database_url();
    if args.iter().any(|a| a == "--persistent_worker") {
        return persistent_worker(&url);
    }
    let (code, output) = handle(&url, &args);
    eprint!("{output}");
    std::process::exit(code);
}
