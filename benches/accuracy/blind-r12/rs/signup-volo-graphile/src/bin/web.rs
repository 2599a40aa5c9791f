use std::net::SocketAddr;
use std::sync::Arc;

use graphile_worker::{JobSpec, WorkerUtils};
use serde::{Deserialize, Serialize};
use signup_service::db;
use signup_service::tasks::SendWelcomeEmail;
use sqlx::PgPool;
use volo_http::extension::Extension;
use volo_http::route::{get, post, Router};
use volo_http::{Address, Json, Server, StatusCode};

struct WebState {
    pool: PgPool,
    jobs: WorkerUtils,
}

#[derive(Deserialize)]
struct SignupRequest {
    email: String,
    name: String,
}

#[derive(Serialize)]
struct SignupResponse {
    user_id: i64,
}

fn internal<E: std::fmt::Display>(e: E) -> StatusCode {
    tracing::error!("signup failed: {e}");
    StatusCode::INTERNAL_SERVER_ERROR
}

async fn create_signup(
    Extension(state): Extension<Arc<WebState>>,
    Json(req): Json<SignupRequest>,
) -> Result<Json<SignupResponse>, StatusCode> {
    let mut tx = state.pool.begin().await.map_err(internal)?;
    let user_id: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, name) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING RETURNING id",
    )
    .bind(&req.email)
    .bind(&req.name)
    .fetch_optional(&mut *tx)
    .await
    .map_err(internal)?
    .ok_or(StatusCode::CONFLICT)?;
    tx.commit().await.map_err(internal)?;

    state
        .jobs
        .add_job(
            SendWelcomeEmail {
                user_id,
                email: req.email,
                name: req.name,
            },
            JobSpec::default(),
        )
        .await
        .map_err(internal)?;

    Ok(Json(SignupResponse { user_id }))
}

async fn healthz() -> &'static str {
    "ok"
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = db::make_pool(10).await?;
    let jobs = WorkerUtils::new(pool.clone(), "graphile_worker".to_string());
    let state = Arc::new(WebState { pool, jobs });

    let app = Router::new()
        .route("/signups", post(create_signup))
        .route("/healthz", get(healthz))
        .layer(Extension(state));

    let addr: SocketAddr = "[::]:8080".parse()?;
    tracing::info!(%addr, "signup web listening");
    Server::new(app)
        .run(Address::from(addr))
        .await
        .map_err(|e| anyhow::anyhow!("server error: {e}"))?;
    Ok(())
}
