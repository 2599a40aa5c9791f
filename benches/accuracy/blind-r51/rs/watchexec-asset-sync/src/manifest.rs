//! Keeps the asset manifest collection (read by the storefront) in step with S3.
use mongodb::bson::{doc, DateTime, Document};
use mongodb::Client;

pub async fn record_uploads(bucket: &str, keys: &[String]) -> mongodb::error::Result<()> {
    let uri = std::env::var("MANIFEST_MONGO_URI")
        .unwrap_or_else(|_| "mongodb://localhost:27017".to_string());
    let client = Client::with_uri_str(&uri).await?;
    let manifest = client.database("storefront").collection::<Document>("asset_manifest");

    let now = DateTime::now();
    for key in keys {
        manifest
            .update_one(
                doc! { "bucket": bucket, "key": key },
                doc! { "$set": { "uploaded_at": now }, "$inc": { "revision": 1 } },
            )
            .upsert(true)
            .await?;
    }
    Ok(())
}
