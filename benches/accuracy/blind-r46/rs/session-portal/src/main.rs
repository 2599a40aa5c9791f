mod store;

use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use time::Duration;
use tower_sessions::{Expiry, Session, SessionManagerLayer};

use crate::store::RedisSessionStore;

#[derive(Clone)]
struct AppState {
    db: PgPool,
    hcaptcha_secret: String,
}

#[derive(Deserialize)]
struct LoginForm {
    email: String,
    password: String,
    #[serde(rename = "h-captcha-response")]
    captcha: String,
}

#[derive(Deserialize)]
struct CaptchaVerdict {
    success: bool,
}

async fn login(
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<LoginForm>,
) -> Result<Redirect, StatusCode> {
    let http = reqwest::Client::new();
    let verdict: CaptchaVerdict = http
        .post("https://api.hcaptcha.com/siteverify")
        .form(&[("secret", state.hcaptcha_secret.as_str()), ("response", form.captcha.as_str())])
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .map_err(|_| StatusCode::BAD_GATEWAY)?
        .json()
        .await
        .map_err(|_| StatusCode::BAD_GATEWAY)?;
    if !verdict.success {
        return Err(StatusCode::FORBIDDEN);
    }

    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM accounts WHERE email = $1 AND password_hash = crypt($2, password_hash)",
    )
    .bind(&form.email)
    .bind(&form.password)
    .fetch_optional(&state.db)
    .await
    .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    let Some((user_id,)) = row else { return Err(StatusCode::UNAUTHORIZED) };

    session.cycle_id().await.map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    session.insert("user_id", user_id).await.map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    Ok(Redirect::to("/me"))
}

async fn me(State(state): State<AppState>, session: Session) -> impl IntoResponse {
    let Ok(Some(user_id)) = session.get::<i64>("user_id").await else {
        return Err(StatusCode::UNAUTHORIZED);
    };
    let (email, plan): (String, String) =
        sqlx::query_as("SELECT email, plan FROM accounts WHERE id = $1")
            .bind(user_id)
            .fetch_one(&state.db)
            .await
            .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    Ok(Json(serde_json::json!({ "id": user_id, "email": email, "plan": plan })))
}

async fn logout(session: Session) -> Redirect {
    let _ = session.flush().await;
    Redirect::to("/")
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();

    let db = PgPoolOptions::new()
        .max_connections(10)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    let state = AppState { db, hcaptcha_secret: std::env::var("HCAPTCHA_SECRET")? };

    let sessions = SessionManagerLayer::new(RedisSessionStore::new(std::env::var("REDIS_URL")?, "portal:sess"))
        .with_secure(true)
        .with_expiry(Expiry::OnInactivity(Duration::hours(8)));

    let app = Router::new()
        .route("/login", post(login))
        .route("/logout", post(logout))
        .route("/me", get(me))
        .layer(sessions)
        .with_state(state);

    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
    axum::serve(listener, app).await?;
    Ok(())
}
