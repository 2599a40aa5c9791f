mod routes;

use std::net::SocketAddr;

use mobc_redis::{redis, RedisConnectionManager};
use roa::App;
use shuttle_runtime::{CustomError, SecretStore};
use sqlx::PgPool;

#[derive(Clone)]
pub struct AppState {
    pub db: PgPool,
    pub cache: mobc::Pool<RedisConnectionManager>,
}

pub struct NotesService {
    state: AppState,
}

#[shuttle_runtime::async_trait]
impl shuttle_runtime::Service for NotesService {
    async fn bind(self, addr: SocketAddr) -> Result<(), shuttle_runtime::Error> {
        let router = routes::router();
        let app = App::state(self.state).end(router.routes("/notes").map_err(CustomError::new)?);
        app.listen(addr, |addr| tracing::info!("notes api listening on {addr}"))
            .map_err(CustomError::new)?
            .await
            .map_err(CustomError::new)?;
        Ok(())
    }
}

#[shuttle_runtime::main]
async fn shuttle_main(
    #[shuttle_shared_db::Postgres] db: PgPool,
    #[shuttle_runtime::Secrets] secrets: SecretStore,
) -> Result<NotesService, shuttle_runtime::Error> {
    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS notes (id BIGSERIAL PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL);
         CREATE TABLE IF NOT EXISTS note_tags (note_id BIGINT REFERENCES notes(id), tag TEXT NOT NULL);",
    )
    .execute(&db)
    .await
    .map_err(CustomError::new)?;

    let redis_url = secrets
        .get("REDIS_URL")
        .ok_or_else(|| anyhow::anyhow!("REDIS_URL secret is missing"))?;
    let client = redis::Client::open(redis_url).map_err(CustomError::new)?;
    let cache = mobc::Pool::builder()
        .max_open(16)
        .max_idle(4)
        .build(RedisConnectionManager::new(client));

    Ok(NotesService { state: AppState { db, cache } })
}
