use mongodb::bson::{doc, DateTime, Document};
use mongodb::options::ClientOptions;
use mongodb::{Client, Collection};

pub struct ReceiptStore {
    receipts: Collection<Document>,
}

impl ReceiptStore {
    pub async fn connect() -> mongodb::error::Result<Self> {
        let uri = std::env::var("MONGO_URI").unwrap_or_else(|_| "mongodb://localhost:27017".to_string());
        let mut options = ClientOptions::parse(&uri).await?;
        options.app_name = Some("payments-receipts".to_string());
        options.max_pool_size = Some(20);
        let client = Client::with_options(options)?;
        Ok(Self { receipts: client.database("payments").collection("receipts") })
    }

    pub async fn already_sent(&self, order_id: &str) -> mongodb::error::Result<bool> {
        Ok(self.receipts.find_one(doc! { "order_id": order_id }).await?.is_some())
    }

    pub async fn mark_sent(&self, order_id: &str, email: &str) -> mongodb::error::Result<()> {
        self.receipts
            .insert_one(doc! { "order_id": order_id, "email": email, "sent_at": DateTime::now() })
            .await?;
        Ok(())
    }
}
