//! purge-orphans [--limit N]
//! Deletes media documents whose product no longer exists. Run by hand after big delistings.
use futures::TryStreamExt;
use mongodb::bson::{doc, Document};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut limit: usize = 10_000;
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            lexopt::Arg::Long("limit") => limit = parser.value()?.parse()?,
            other => return Err(other.unexpected().into()),
        }
    }

    let pool = catalog_tools::connect_catalog_db().await?;
    let mongo = catalog_tools::connect_media_store().await?;
    let media = mongo.database("media").collection::<Document>("product_media");

    let mut cursor = media.find(doc! {}).projection(doc! { "sku": 1 }).await?;
    let mut purged = 0usize;
    while let Some(d) = cursor.try_next().await? {
        if purged >= limit {
            break;
        }
        let Ok(sku) = d.get_str("sku") else { continue };
        let exists: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM products WHERE sku = $1)")
            .bind(sku)
            .fetch_one(&pool)
            .await?;
        if !exists {
            media.delete_one(doc! { "_id": d.get("_id").cloned() }).await?;
            purged += 1;
        }
    }

    mongo.shutdown().await;
    pool.close().await;
    println!("purged {purged} orphaned media documents");
    Ok(())
}
