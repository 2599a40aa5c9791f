//! Internal status board: server-rendered HTML with maud components.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use maud::{html, Markup};
use sqlx::postgres::{PgPool, PgPoolOptions};

mod components;
mod history;

use components::{layout, Service, ServiceTile, UptimeBars};

#[derive(Clone)]
struct AppState {
    db: PgPool,
}

type Page = Result<Markup, (StatusCode, String)>;

fn internal(e: impl std::fmt::Display) -> (StatusCode, String) {
    (StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let db = PgPoolOptions::new()
        .max_connections(10)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;

    let app = Router::new()
        .route("/", get(board))
        .route("/service/:slug", get(service_page))
        .with_state(AppState { db });

    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await?;
    axum::serve(listener, app).await?;
    Ok(())
}

async fn board(State(st): State<AppState>) -> Page {
    let services = sqlx::query_as::<_, Service>(
        "SELECT id, slug, name, status FROM services WHERE listed ORDER BY name",
    )
    .fetch_all(&st.db)
    .await
    .map_err(internal)?;

    Ok(layout(
        "System status",
        html! {
            div.grid {
                @for svc in &services {
                    (ServiceTile(svc))
                }
            }
        },
    ))
}

async fn service_page(State(st): State<AppState>, Path(slug): Path<String>) -> Page {
    let svc = sqlx::query_as::<_, Service>(
        "SELECT id, slug, name, status FROM services WHERE slug = $1",
    )
    .bind(&slug)
    .fetch_optional(&st.db)
    .await
    .map_err(internal)?
    .ok_or((StatusCode::NOT_FOUND, format!("no service {slug}")))?;

    let days = history::daily_uptime(svc.id).await.map_err(internal)?;

    Ok(layout(
        &svc.name,
        html! {
            (ServiceTile(&svc))
            h2 { "Last 90 days" }
            (UptimeBars(&days))
        },
    ))
}
