use mongodb::bson::{doc, DateTime, Document};
use mongodb::options::ClientOptions;
use mongodb::{Client, Collection};

/// Writes who-reserved-what records to the `audit` collection of the inventory database.
#[derive(Clone)]
pub struct Auditor {
    events: Collection<Document>,
}

impl Auditor {
    pub async fn init() -> mongodb::error::Result<Self> {
        let uri = std::env::var("MONGO_URI").unwrap_or_else(|_| "mongodb://localhost:27017".into());
        let mut opts = ClientOptions::parse(&uri).await?;
        opts.app_name = Some("inventory-audit".into());
        let client = Client::with_options(opts)?;
        Ok(Self {
            events: client.database("inventory").collection("audit"),
        })
    }

    pub async fn log(&self, action: &str, order_id: &str, sku: &str, qty: u32) {
        let entry = doc! {
            "action": action,
            "order_id": order_id,
            "sku": sku,
            "qty": qty as i64,
            "at": DateTime::now(),
        };
        if let Err(e) = self.events.insert_one(entry).await {
            eprintln!("audit write failed: {e}");
        }
    }
}
