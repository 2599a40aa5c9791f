use bson::doc;
use mastodon_async::entities::notification::Notification;
use mastodon_async::prelude::*;

use crate::store;

pub async fn handle(client: &Mastodon, n: Notification) -> anyhow::Result<()> {
    let acct = n.account.acct.clone();
    let db = store::connect().await?;
    let seen = db
        .collection::<bson::Document>("followers")
        .find_one(doc! { "acct": &acct })
        .await?
        .is_some();
    if seen {
        return Ok(());
    }
    db.collection::<bson::Document>("followers")
        .insert_one(doc! { "acct": &acct, "followed_at": bson::DateTime::now() })
        .await?;

    let welcome = StatusBuilder::new()
        .status(format!(
            "@{acct} welcome! Mention me with \"report\" and a link to flag a post for the mod team."
        ))
        .visibility(Visibility::Direct)
        .build()?;
    client.new_status(welcome).await?;
    Ok(())
}
