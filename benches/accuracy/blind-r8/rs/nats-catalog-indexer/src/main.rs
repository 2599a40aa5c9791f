mod audit;
mod catalog;
mod enrich;

use std::env;

use catalog::Product;

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let nats_url = env::var("NATS_URL").unwrap_or_else(|_| "nats://127.0.0.1:4222".to_owned());
    let nc = nats::Options::new()
        .with_name("catalog-indexer")
        .connect(&nats_url)?;

    let store = catalog::ProductStore::connect()?;
    let audit_log = audit::AuditLog::connect()?;
    let enricher = enrich::Enricher::new(env::var("PRICING_API_URL")?);

    let sub = nc.queue_subscribe("catalog.product.upserted", "indexer")?;
    log::info!("indexer subscribed");

    for msg in sub.messages() {
        let product: Product = match serde_json::from_slice(&msg.data) {
            Ok(p) => p,
            Err(err) => {
                log::warn!("dropping malformed message: {err}");
                continue;
            }
        };

        let result = enricher
            .enrich(product)
            .and_then(|p| store.upsert(&p).map(|_| p))
            .and_then(|p| audit_log.record("upsert", &p.sku));

        match result {
            Ok(()) => {
                if msg.reply.is_some() {
                    msg.respond(b"ok")?;
                }
            }
            Err(err) => log::error!("indexing failed: {err:#}"),
        }
    }
    Ok(())
}
