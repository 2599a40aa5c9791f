mod db;
mod helpers;
mod ledger;

use std::thread;
use std::time::Duration;

use tera::{Context, Tera};

fn build_templates() -> anyhow::Result<Tera> {
    let mut tera = Tera::new("templates/**/*.html")?;
    tera.register_function(
        "fx_rate",
        helpers::FxRate {
            base: "EUR".into(),
            endpoint: std::env::var("FX_ENDPOINT").unwrap_or_else(|_| "https://fx.internal".into()),
        },
    );
    tera.register_function("customer_tier", helpers::customer_tier);
    Ok(tera)
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let tera = build_templates()?;
    let mut outbox = db::connect()?;

    loop {
        let batch = db::next_batch(&mut outbox, 50)?;
        if batch.is_empty() {
            thread::sleep(Duration::from_secs(5));
            continue;
        }
        for invoice in batch {
            let mut ctx = Context::new();
            ctx.insert("invoice", &invoice);
            match tera.render("invoice.html", &ctx) {
                Ok(html) => {
                    db::mark_rendered(&mut outbox, invoice.id, &html)?;
                    if let Err(e) = ledger::record_render(invoice.id, html.len()) {
                        log::warn!("ledger write failed for {}: {e}", invoice.id);
                    }
                }
                Err(e) => log::error!("render of invoice {} failed: {e}", invoice.id),
            }
        }
    }
}
