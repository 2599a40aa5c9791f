mod db;
mod handlers;

use std::collections::HashMap;
use std::sync::Arc;

use slack_morphism::prelude::*;
use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};
use tokio::sync::Mutex;

pub struct BotState {
    pub pool: PgPool,
    /// service name -> connection holding the session-level advisory lock
    pub deploy_locks: Mutex<HashMap<String, PoolConnection<Postgres>>>,
}

fn on_error(
    err: Box<dyn std::error::Error + Send + Sync>,
    _client: Arc<SlackHyperClient>,
    _states: SlackClientEventsUserState,
) -> HttpStatusCode {
    tracing::error!("slack listener error: {err:#?}");
    HttpStatusCode::OK
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    tracing_subscriber::fmt::init();

    let pool = db::connect().await?;
    let state = Arc::new(BotState {
        pool,
        deploy_locks: Mutex::new(HashMap::new()),
    });

    let client = Arc::new(SlackClient::new(SlackClientHyperConnector::new()?));

    let callbacks = SlackSocketModeListenerCallbacks::new()
        .with_command_events(handlers::on_command)
        .with_push_events(handlers::on_push_event);

    let env = Arc::new(
        SlackClientEventsListenerEnvironment::new(client.clone())
            .with_error_handler(on_error)
            .with_user_state(state),
    );

    let listener = SlackClientSocketModeListener::new(
        &SlackClientSocketModeConfig::new(),
        env.clone(),
        callbacks,
    );

    let app_token: SlackApiToken =
        SlackApiToken::new(std::env::var("SLACK_APP_TOKEN")?.into());
    listener.listen_for(&app_token).await?;
    listener.serve().await;
    Ok(())
}
