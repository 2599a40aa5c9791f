use std::io::{self, BufRead, Write};

mod db;
mod enrich;

fn main() -> anyhow::Result<()> {
    // Built once for the life of the subprocess, before the first message.
    let pool = db::make_pool()?;
    let tenants = db::load_tenants(&pool)?;
    let mut enricher = enrich::Enricher::new(pool, tenants);

    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = stdout.lock();

    for line in stdin.lock().lines() {
        let line = line?;
        let reply = match enricher.enrich(&line) {
            Ok(enriched) => enriched,
            Err(e) => {
                eprintln!("order-enricher: {e:#}");
                // pass the original through, flagged, so the pipeline keeps moving
                serde_json::json!({ "raw": line, "enrich_error": e.to_string() }).to_string()
            }
        };
        writeln!(out, "{reply}")?;
        out.flush()?;
    }
    Ok(())
}
