mod telemetry;

use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use anyhow::Context as _;
use postgres::NoTls;
use tracing::{info, info_span, warn};
use tracing_subscriber::prelude::*;

fn pending_jobs(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut jobs: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().map(|x| x == "job").unwrap_or(false))
        .collect();
    jobs.sort();
    Ok(jobs)
}

fn render(db: &mut postgres::Client, job: &Path) -> anyhow::Result<()> {
    let invoice_id: i64 = std::fs::read_to_string(job)?.trim().parse()?;
    let row = db
        .query_one("SELECT customer, total_cents FROM invoices WHERE id = $1", &[&invoice_id])
        .context("invoice lookup")?;
    let customer: String = row.get(0);
    let total: i64 = row.get(1);
    std::fs::write(job.with_extension("txt"), format!("{customer}: {:.2}\n", total as f64 / 100.0))?;
    std::fs::remove_file(job)?;
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let dsn = std::env::var("DATABASE_URL")?;
    tracing_subscriber::registry()
        .with(tracing_subscriber::fmt::layer())
        .with(telemetry::LokiLayer {
            push_url: std::env::var("LOKI_PUSH_URL")?,
            job: "spool-renderer".into(),
        })
        .with(telemetry::SpanTimingLayer { dsn: dsn.clone() })
        .init();

    let spool = PathBuf::from(std::env::var("SPOOL_DIR").unwrap_or_else(|_| "/var/spool/invoices".into()));
    let mut db = postgres::Client::connect(&dsn, NoTls)?;
    info!(dir = %spool.display(), "renderer started");

    loop {
        for job in pending_jobs(&spool)? {
            let _span = info_span!("render_invoice", job = %job.display()).entered();
            if let Err(e) = render(&mut db, &job) {
                warn!(error = %e, "render failed");
            }
        }
        thread::sleep(Duration::from_secs(5));
    }
}
