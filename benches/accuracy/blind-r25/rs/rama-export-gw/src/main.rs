use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use rama::{
    graceful::Shutdown,
    http::{layer::trace::TraceLayer, server::HttpServer, service::web::WebService},
    rt::Executor,
    Layer,
};
use sqlx::{postgres::PgPoolOptions, PgPool, Postgres, Transaction};
use tokio::sync::Mutex;
use uuid::Uuid;

mod audit;
mod exports;
mod reports;

#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    pub exports: Arc<Mutex<HashMap<Uuid, Transaction<'static, Postgres>>>>,
    pub replica_url: String,
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();

    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let pool = PgPoolOptions::new()
        .max_connections(15)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&database_url)
        .await
        .expect("connect primary");

    let state = AppState {
        pool,
        exports: Arc::new(Mutex::new(HashMap::new())),
        replica_url: std::env::var("REPLICA_URL").unwrap_or(database_url),
    };

    let graceful = Shutdown::default();
    graceful.spawn_task_fn(|guard| async move {
        let exec = Executor::graceful(guard.clone());
        let routes = WebService::default()
            .post("/exports", exports::open_export)
            .get("/exports/:id/next", exports::next_page)
            .get("/reports/adhoc", reports::adhoc)
            .get("/healthz", reports::healthz);

        HttpServer::auto(exec)
            .listen_with_state(state, "0.0.0.0:8088", TraceLayer::new_for_http().layer(routes))
            .await
            .expect("http server");
    });

    graceful
        .shutdown_with_limit(Duration::from_secs(20))
        .await
        .expect("graceful shutdown");
}
