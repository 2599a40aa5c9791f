//! Spin component: every HTTP request gets a fresh Wasm instance, so there is
//! no process-wide state to keep a pool in. Outbound Postgres connections are
//! owned by the Spin host and released when the instance finishes.

use serde::{Deserialize, Serialize};
use spin_sdk::http::{IntoResponse, Params, Request, Response, Router};
use spin_sdk::http_component;
use spin_sdk::key_value::Store;
use spin_sdk::pg::{self, Decode, ParameterValue};
use spin_sdk::variables;

#[derive(Serialize, Deserialize)]
struct Note {
    id: i32,
    title: String,
    body: String,
}

#[derive(Deserialize)]
struct NewNote {
    title: String,
    body: String,
}

#[http_component]
fn handle_notes(req: Request) -> Response {
    let mut router = Router::new();
    router.get("/notes", list_notes);
    router.get("/notes/:id", get_note);
    router.post("/notes", create_note);
    router.handle(req)
}

fn open_db() -> anyhow::Result<pg::Connection> {
    let address = variables::get("pg_address")?;
    Ok(pg::Connection::open(&address)?)
}

fn list_notes(_req: Request, _params: Params) -> anyhow::Result<impl IntoResponse> {
    let conn = open_db()?;
    let rows = conn.query("SELECT id, title, body FROM notes ORDER BY id DESC LIMIT 50", &[])?;
    let notes = rows
        .rows
        .iter()
        .map(|row| {
            Ok(Note {
                id: i32::decode(&row[0])?,
                title: String::decode(&row[1])?,
                body: String::decode(&row[2])?,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    json(200, &notes)
}

fn get_note(_req: Request, params: Params) -> anyhow::Result<impl IntoResponse> {
    let id: i32 = params.get("id").unwrap_or_default().parse()?;
    let cache = Store::open_default()?;
    let cache_key = format!("note:{id}");
    if let Some(bytes) = cache.get(&cache_key)? {
        return Ok(Response::builder()
            .status(200)
            .header("content-type", "application/json")
            .header("x-cache", "hit")
            .body(bytes)
            .build());
    }

    let conn = open_db()?;
    let rows = conn.query(
        "SELECT id, title, body FROM notes WHERE id = $1",
        &[ParameterValue::Int32(id)],
    )?;
    let Some(row) = rows.rows.first() else {
        return Ok(Response::new(404, "not found"));
    };
    let note = Note {
        id: i32::decode(&row[0])?,
        title: String::decode(&row[1])?,
        body: String::decode(&row[2])?,
    };
    let bytes = serde_json::to_vec(&note)?;
    cache.set(&cache_key, &bytes)?;
    Ok(Response::builder()
        .status(200)
        .header("content-type", "application/json")
        .header("x-cache", "miss")
        .body(bytes)
        .build())
}

fn create_note(req: Request, _params: Params) -> anyhow::Result<impl IntoResponse> {
    let input: NewNote = serde_json::from_slice(req.body())?;
    let conn = open_db()?;
    conn.execute(
        "INSERT INTO notes (title, body) VALUES ($1, $2)",
        &[ParameterValue::Str(input.title), ParameterValue::Str(input.body)],
    )?;
    Ok(Response::new(201, "created"))
}

fn json<T: Serialize>(status: u16, value: &T) -> anyhow::Result<Response> {
    Ok(Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(serde_json::to_vec(value)?)
        .build())
}
