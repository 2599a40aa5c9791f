//! Moderation helper for a community instance: answers `@modbot report ...`
//! mentions, welcomes new followers and records everything for the mod team.

mod handlers;
mod store;

use futures_util::TryStreamExt;
use mastodon_async::entities::event::Event;
use mastodon_async::entities::notification::NotificationType;
use mastodon_async::helpers::toml;
use mastodon_async::Mastodon;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let data = toml::from_file("mastodon-data.toml")?;
    let client = Mastodon::from(data);
    log::info!("streaming notifications as {}", client.data.base);

    client
        .stream_notifications()
        .await?
        .try_for_each(|(event, client)| async move {
            let res = match event {
                Event::Notification(n) => match n.notification_type {
                    NotificationType::Mention => handlers::mention::handle(&client, n).await,
                    NotificationType::Follow => handlers::follow::handle(&client, n).await,
                    _ => Ok(()),
                },
                Event::Delete(id) => handlers::deleted(id).await,
                _ => Ok(()),
            };
            if let Err(e) = res {
                log::error!("handler failed: {e:#}");
            }
            Ok(())
        })
        .await?;
    Ok(())
}
