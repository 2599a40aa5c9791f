use std::time::Duration;

use futures::TryStreamExt;

mod clients;
mod filing;
mod mailbox;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = clients::make_pool().await?;
    let mut session = mailbox::connect_with_retry().await?;
    session.select("INBOX").await?;

    loop {
        // Handle everything that is already unseen, then IDLE until the server pokes us.
        let uids = session.uid_search("UNSEEN").await?;
        if !uids.is_empty() {
            let set = uids.iter().map(|u| u.to_string()).collect::<Vec<_>>().join(",");
            let fetches: Vec<_> = session.uid_fetch(&set, "(UID RFC822)").await?.try_collect().await?;
            for fetch in &fetches {
                let (Some(uid), Some(raw)) = (fetch.uid, fetch.body()) else { continue };
                match filing::file_invoice(&pool, uid, raw).await {
                    Ok(()) => {
                        let _: Vec<_> = session.uid_store(uid.to_string(), "+FLAGS (\\Seen)").await?.try_collect().await?;
                    }
                    Err(e) => tracing::warn!(uid, error = %e, "invoice not filed, leaving unseen"),
                }
            }
        }

        let mut idle = session.idle();
        idle.init().await?;
        let (wait, _interrupt) = idle.wait_with_timeout(Duration::from_secs(25 * 60));
        wait.await?;
        session = idle.done().await?;
    }
}
