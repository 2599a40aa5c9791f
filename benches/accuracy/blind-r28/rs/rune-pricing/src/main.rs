mod host;

use std::env;
use std::io::{self, BufRead, Write};
use std::sync::Arc;

use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use rune::termcolor::{ColorChoice, StandardStream};
use rune::{Context, Diagnostics, Source, Sources, Vm};
use serde::Deserialize;

#[derive(Deserialize)]
struct QuoteRequest {
    order_id: i64,
    sku: String,
    qty: i64,
    customer: String,
}

fn main() -> anyhow::Result<()> {
    let db_url = env::var("CATALOG_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://pricing:pricing@catalog-db:5432/catalog".to_string());
    let manager = PostgresConnectionManager::new(db_url.parse()?, NoTls);
    let pool = r2d2::Pool::builder().max_size(8).build(manager)?;
    host::init(pool);

    let mut context = Context::with_default_modules()?;
    context.install(host::module()?)?;
    let runtime = Arc::new(context.runtime()?);

    let script = env::var("PRICING_SCRIPT").unwrap_or_else(|_| "scripts/pricing.rn".to_string());
    let mut sources = Sources::new();
    sources.insert(Source::from_path(&script)?)?;

    let mut diagnostics = Diagnostics::new();
    let result = rune::prepare(&mut sources)
        .with_context(&context)
        .with_diagnostics(&mut diagnostics)
        .build();
    if !diagnostics.is_empty() {
        let mut writer = StandardStream::stderr(ColorChoice::Always);
        diagnostics.emit(&mut writer, &sources)?;
    }
    let unit = Arc::new(result?);

    // one quote request per line on stdin (piped from the checkout bus consumer)
    let stdin = io::stdin();
    let mut stdout = io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line?;
        let quote: QuoteRequest = match serde_json::from_str(&line) {
            Ok(q) => q,
            Err(err) => {
                eprintln!("skipping malformed quote request: {}", err);
                continue;
            }
        };

        let mut vm = Vm::new(runtime.clone(), unit.clone());
        let args = (quote.order_id, quote.sku.clone(), quote.qty, quote.customer.clone());
        match vm.call(["price_quote"], args) {
            Ok(value) => {
                let cents: i64 = rune::from_value(value)?;
                writeln!(stdout, "{{\"order_id\":{},\"total_cents\":{}}}", quote.order_id, cents)?;
            }
            Err(err) => eprintln!("pricing rule failed for order {}: {}", quote.order_id, err),
        }
    }
    Ok(())
}
