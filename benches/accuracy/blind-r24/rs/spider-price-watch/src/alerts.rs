use mongodb::bson::{doc, DateTime};
use mongodb::Client;
use tokio::sync::OnceCell;

use crate::extract::Product;

/// Alerts live in the same cluster as the price history; this module keeps its
/// own handle so the alert rules can be tested on their own.
static ALERTS_CLIENT: OnceCell<Client> = OnceCell::const_new();

async fn client() -> mongodb::error::Result<&'static Client> {
    ALERTS_CLIENT
        .get_or_try_init(|| async {
            let uri = std::env::var("MONGODB_URI").unwrap_or_else(|_| "mongodb://localhost:27017".into());
            Client::with_uri_str(&uri).await
        })
        .await
}

/// Record an alert when a competitor drops a price by more than 15%.
pub async fn maybe_alert(shop: &str, p: &Product, previous_cents: i64) -> anyhow::Result<()> {
    if previous_cents <= 0 {
        return Ok(());
    }
    let drop = (previous_cents - p.price_cents) as f64 / previous_cents as f64;
    if drop < 0.15 {
        return Ok(());
    }
    let alerts = client().await?.database("pricewatch").collection("alerts");
    alerts
        .insert_one(doc! {
            "shop": shop,
            "sku": &p.sku,
            "title": &p.title,
            "from_cents": previous_cents,
            "to_cents": p.price_cents,
            "drop_pct": (drop * 100.0).round(),
            "created_at": DateTime::now(),
        })
        .await?;
    Ok(())
}
