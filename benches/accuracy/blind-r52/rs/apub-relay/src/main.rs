mod activities;
mod actors;
mod outgoing;

use activitypub_federation::axum::inbox::{receive_activity, ActivityData};
use activitypub_federation::axum::json::FederationJson;
use activitypub_federation::config::{Data, FederationConfig, FederationMiddleware};
use activitypub_federation::protocol::context::WithContext;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::activities::RelayInboxActivities;
use crate::actors::{RelayActor, RemoteInstance, ServiceJson};

/// Application data handed to every activity handler through `Data<AppState>`.
#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    pub relay: RelayActor,
    pub nodeinfo_http: reqwest::Client,
}

#[derive(Debug)]
pub struct Error(pub anyhow::Error);

impl<T: Into<anyhow::Error>> From<T> for Error {
    fn from(e: T) -> Self {
        Error(e.into())
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        (axum::http::StatusCode::INTERNAL_SERVER_ERROR, format!("{:#}", self.0)).into_response()
    }
}

async fn relay_actor(data: Data<AppState>) -> Result<FederationJson<WithContext<ServiceJson>>, Error> {
    let json = data.relay.clone().into_json(&data).await?;
    Ok(FederationJson(WithContext::new_default(json)))
}

async fn inbox(data: Data<AppState>, activity_data: ActivityData) -> impl IntoResponse {
    receive_activity::<WithContext<RelayInboxActivities>, RemoteInstance, AppState>(activity_data, &data).await
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let domain = std::env::var("RELAY_DOMAIN")?;

    let pool = PgPoolOptions::new()
        .max_connections(20)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    sqlx::migrate!().run(&pool).await?;

    let relay = actors::load_or_create_relay(&pool, &domain).await?;
    let nodeinfo_http = reqwest::Client::builder()
        .user_agent(format!("apub-relay/0.3 (+https://{domain})"))
        .timeout(std::time::Duration::from_secs(10))
        .build()?;

    let config = FederationConfig::builder()
        .domain(&domain)
        .app_data(AppState { pool, relay, nodeinfo_http })
        .build()
        .await?;

    let app = Router::new()
        .route("/actor", get(relay_actor))
        .route("/inbox", post(inbox))
        .layer(FederationMiddleware::new(config));

    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
    axum::serve(listener, app.into_make_service()).await?;
    Ok(())
}
