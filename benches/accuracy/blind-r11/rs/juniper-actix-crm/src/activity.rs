use futures::TryStreamExt;
use mongodb::bson::{doc, Document};
use mongodb::Client;

pub struct ActivityEvent {
    pub kind: String,
    pub at: String,
}

/// Latest activity events for a customer, newest first.
pub async fn recent_events(customer_id: i32, limit: i64) -> mongodb::error::Result<Vec<ActivityEvent>> {
    let uri = std::env::var("MONGO_URL").unwrap_or_else(|_| "mongodb://localhost:27017".to_owned());
    let client = Client::with_uri_str(&uri).await?;
    let events = client.database("crm").collection::<Document>("activity");

    let mut cursor = events
        .find(doc! { "customer_id": customer_id })
        .sort(doc! { "at": -1 })
        .limit(limit)
        .await?;

    let mut out = Vec::new();
    while let Some(doc) = cursor.try_next().await? {
        out.push(ActivityEvent {
            kind: doc.get_str("kind").unwrap_or("unknown").to_owned(),
            at: doc.get_str("at").unwrap_or_default().to_owned(),
        });
    }
    Ok(out)
}
