use mongodb::bson::{doc, Document};
use mongodb::sync::Client;

/// Number of published reviews for a SKU (reviews live in the community Mongo cluster).
pub fn count_for(uri: &str, sku: &str) -> Result<i32, mongodb::error::Error> {
    let client = Client::with_uri_str(uri)?;
    let n = client
        .database("community")
        .collection::<Document>("reviews")
        .count_documents(doc! { "sku": sku, "status": "published" })
        .run()?;
    Ok(n as i32)
}
