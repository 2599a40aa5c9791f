use mobc_redis::redis::AsyncCommands;
use roa::http::header::{HeaderValue, CONTENT_TYPE};
use roa::http::StatusCode;
use roa::preload::*;
use roa::router::{get, post, Router};
use roa::{Context, Status};
use serde::{Deserialize, Serialize};

use crate::AppState;

#[derive(Serialize, sqlx::FromRow)]
struct Note {
    id: i64,
    title: String,
    body: String,
}

#[derive(Deserialize)]
struct NewNote {
    title: String,
    body: String,
    #[serde(default)]
    tags: Vec<String>,
}

fn internal<E: std::fmt::Display>(e: E) -> Status {
    Status::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string(), false)
}

pub fn router() -> Router<AppState> {
    Router::new().on("/", post(create_note)).on("/:id", get(get_note))
}

async fn get_note(ctx: &mut Context<AppState>) -> roa::Result {
    let id: i64 = ctx
        .must_param("id")?
        .parse()
        .map_err(|_| Status::new(StatusCode::BAD_REQUEST, "id must be an integer", true))?;
    let key = format!("note:{id}");

    // Pool handles are Arc-backed; cloning them does not open connections.
    let cache = ctx.cache.clone();
    let db = ctx.db.clone();

    let mut conn = cache.get().await.map_err(internal)?;
    if let Some(json) = conn.get::<_, Option<String>>(&key).await.map_err(internal)? {
        ctx.resp.headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        ctx.resp.write(json);
        return Ok(());
    }

    let note: Note = sqlx::query_as("SELECT id, title, body FROM notes WHERE id = $1")
        .bind(id)
        .fetch_optional(&db)
        .await
        .map_err(internal)?
        .ok_or_else(|| Status::new(StatusCode::NOT_FOUND, "note not found", true))?;

    let encoded = serde_json::to_string(&note).map_err(internal)?;
    let _: () = conn.set_ex(&key, encoded, 300).await.map_err(internal)?;
    ctx.write_json(&note)
}

async fn create_note(ctx: &mut Context<AppState>) -> roa::Result {
    let input: NewNote = ctx.read_json().await?;
    let db = ctx.db.clone();

    let mut tx = db.begin().await.map_err(internal)?;
    let (id,): (i64,) = sqlx::query_as("INSERT INTO notes (title, body) VALUES ($1, $2) RETURNING id")
        .bind(&input.title)
        .bind(&input.body)
        .fetch_one(&mut *tx)
        .await
        .map_err(internal)?;
    for tag in &input.tags {
        sqlx::query("INSERT INTO note_tags (note_id, tag) VALUES ($1, $2)")
            .bind(id)
            .bind(tag)
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
    }
    tx.commit().await.map_err(internal)?;

    ctx.resp.status = StatusCode::CREATED;
    ctx.write_json(&serde_json::json!({ "id": id }))
}
