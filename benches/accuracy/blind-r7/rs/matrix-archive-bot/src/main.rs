mod archive;
mod search;

use std::collections::HashMap;
use std::sync::Arc;

use matrix_sdk::config::SyncSettings;
use matrix_sdk::ruma::OwnedRoomId;
use matrix_sdk::Client;
use sqlx::sqlite::SqlitePoolOptions;
use sqlx::{Sqlite, SqlitePool, Transaction};
use tokio::sync::Mutex;

#[derive(Clone)]
pub struct BotCtx {
    pub db: SqlitePool,
    pub es_url: String,
    /// Bulk imports in progress, one per room.
    pub imports: Arc<Mutex<HashMap<OwnedRoomId, Transaction<'static, Sqlite>>>>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let homeserver = std::env::var("MATRIX_HOMESERVER")?;
    let user = std::env::var("MATRIX_USER")?;
    let password = std::env::var("MATRIX_PASSWORD")?;

    let db = SqlitePoolOptions::new()
        .max_connections(4)
        .connect("sqlite://archive.db?mode=rwc")
        .await?;
    sqlx::migrate!("./migrations").run(&db).await?;

    let client = Client::builder().homeserver_url(homeserver).build().await?;
    client
        .matrix_auth()
        .login_username(&user, &password)
        .initial_device_display_name("archive-bot")
        .await?;

    client.add_event_handler_context(BotCtx {
        db,
        es_url: std::env::var("ES_URL").unwrap_or_else(|_| "http://localhost:9200".into()),
        imports: Arc::new(Mutex::new(HashMap::new())),
    });
    client.add_event_handler(archive::on_room_message);

    tracing::info!("archive bot syncing");
    client.sync(SyncSettings::default()).await?;
    Ok(())
}
