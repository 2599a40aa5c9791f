use mongodb::bson::{doc, DateTime, Document};
use mongodb::{Client, Collection};

pub struct Ledger {
    charges: Collection<Document>,
}

impl Ledger {
    pub async fn connect() -> mongodb::error::Result<Self> {
        let uri = std::env::var("MONGO_URI").unwrap_or_else(|_| "mongodb://localhost:27017".to_string());
        let client = Client::with_uri_str(&uri).await?;
        Ok(Self { charges: client.database("payments").collection("charges") })
    }

    pub async fn record_charge(&self, order_id: &str, amount_cents: i64, psp_charge_id: &str) -> mongodb::error::Result<()> {
        self.charges
            .insert_one(doc! {
                "order_id": order_id,
                "amount_cents": amount_cents,
                "psp_charge_id": psp_charge_id,
                "status": "captured",
                "created_at": DateTime::now(),
            })
            .await?;
        Ok(())
    }
}
