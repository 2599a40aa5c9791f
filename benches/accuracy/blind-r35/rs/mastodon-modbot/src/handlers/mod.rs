pub mod follow;
pub mod mention;

use bson::doc;

use crate::store;

/// A status we had stored was deleted by its author.
pub async fn deleted(status_id: String) -> anyhow::Result<()> {
    let db = store::connect().await?;
    db.collection::<bson::Document>("reports")
        .update_many(doc! { "status_id": &status_id }, doc! { "$set": { "status_deleted": true } })
        .await?;
    Ok(())
}
