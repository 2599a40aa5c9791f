mod fanout;
mod moderation;
mod rooms;

use actix_web::{web, App, HttpServer};
use redis::aio::ConnectionManager;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use tokio::sync::broadcast;

use fanout::RoomEvent;

#[derive(Clone)]
pub struct AppState {
    pub pg: PgPool,
    pub redis: ConnectionManager,
    pub fanout: broadcast::Sender<RoomEvent>,
}

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pg = PgPoolOptions::new()
        .max_connections(15)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;

    let redis_client = redis::Client::open(std::env::var("REDIS_URL")?)?;
    let redis = ConnectionManager::new(redis_client.clone()).await?;

    // One pub/sub connection for the whole process; sessions subscribe to the
    // in-process broadcast channel instead of opening their own.
    let mut pubsub = redis_client.get_async_pubsub().await?;
    pubsub.psubscribe("room:*").await?;
    let (fanout_tx, _) = broadcast::channel::<RoomEvent>(1024);
    actix_web::rt::spawn(fanout::run(pubsub, fanout_tx.clone()));

    let state = AppState {
        pg,
        redis,
        fanout: fanout_tx,
    };

    HttpServer::new(move || {
        App::new()
            .app_data(web::Data::new(state.clone()))
            .route("/rooms/{room}/ws", web::get().to(rooms::join))
            .route("/healthz", web::get().to(|| async { "ok" }))
    })
    .workers(4)
    .bind(("0.0.0.0", 8080))?
    .run()
    .await?;

    Ok(())
}
