//! CUPS backend that archives every document printed to the "invoices-archive"
//! queue: stores the raw job in object storage and indexes it in Postgres.

mod archive;

use std::io::Read;
use std::process::ExitCode;
use std::time::Duration;

use sha2::{Digest, Sha256};

const CUPS_BACKEND_OK: u8 = 0;
const CUPS_BACKEND_FAILED: u8 = 1;
const CUPS_BACKEND_RETRY: u8 = 6;

fn run(args: &[String]) -> anyhow::Result<()> {
    let (job_id, user, title, copies) = (&args[1], &args[2], &args[3], &args[4]);
    let mut document = Vec::new();
    match args.get(6) {
        Some(path) => std::fs::File::open(path)?.read_to_end(&mut document)?,
        None => std::io::stdin().read_to_end(&mut document)?,
    };
    let sha = hex::encode(Sha256::digest(&document));
    let key = format!("print-archive/{}/{sha}.prn", user);

    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(60)).build();
    let store = std::env::var("ARCHIVE_STORE_URL").unwrap_or_else(|_| "http://minio.internal:9000".into());
    agent.put(&format!("{store}/{key}")).send_bytes(&document)?;
    eprintln!("INFO: stored {} bytes as {key}", document.len());

    let url = std::env::var("ARCHIVE_DB_URL").unwrap_or_else(|_| "postgres://cups@db.internal/archive".into());
    let mut client = archive::connect(&url)?;
    let job = archive::Job {
        id: job_id.parse()?,
        user,
        title,
        copies: copies.parse().unwrap_or(1),
        sha256: &sha,
        object_key: &key,
    };
    archive::record(&mut client, &job)?;
    client.close()?;
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 1 {
        println!("network pgarchive \"Unknown\" \"Postgres print archive\"");
        return ExitCode::from(CUPS_BACKEND_OK);
    }
    if args.len() < 6 || args.len() > 7 {
        eprintln!("Usage: pgarchive job-id user title copies options [file]");
        return ExitCode::from(CUPS_BACKEND_FAILED);
    }
    match run(&args) {
        Ok(()) => ExitCode::from(CUPS_BACKEND_OK),
        Err(e) => {
            eprintln!("ERROR: {e}");
            ExitCode::from(CUPS_BACKEND_RETRY)
        }
    }
}
