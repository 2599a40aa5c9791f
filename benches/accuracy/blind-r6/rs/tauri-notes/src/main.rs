// Prevents additional console window on Windows in release.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod sync;

use serde::Serialize;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};
use tauri::{Manager, State};

#[derive(Serialize, sqlx::FromRow)]
struct Note {
    id: i64,
    title: String,
    body: String,
}

#[tauri::command]
async fn list_notes(pool: State<'_, SqlitePool>) -> Result<Vec<Note>, String> {
    sqlx::query_as::<_, Note>("SELECT id, title, body FROM notes ORDER BY updated_at DESC")
        .fetch_all(pool.inner())
        .await
        .map_err(|e| e.to_string())
}

#[tauri::command]
async fn save_note(pool: State<'_, SqlitePool>, title: String, body: String) -> Result<i64, String> {
    let res = sqlx::query("INSERT INTO notes (title, body, updated_at) VALUES (?1, ?2, datetime('now'))")
        .bind(&title)
        .bind(&body)
        .execute(pool.inner())
        .await
        .map_err(|e| e.to_string())?;
    Ok(res.last_insert_rowid())
}

#[tauri::command]
async fn sync_note(
    pool: State<'_, SqlitePool>,
    id: i64,
    endpoint: String,
    token: String,
) -> Result<(), String> {
    let note = sqlx::query_as::<_, Note>("SELECT id, title, body FROM notes WHERE id = ?1")
        .bind(id)
        .fetch_one(pool.inner())
        .await
        .map_err(|e| e.to_string())?;
    sync::push(
        &endpoint,
        &token,
        sync::PushBody { id: note.id, title: &note.title, body: &note.body },
    )
    .await
    .map_err(|e| e.to_string())
}

fn main() {
    tauri::Builder::default()
        .setup(|app| {
            let dir = app.path().app_data_dir()?;
            std::fs::create_dir_all(&dir)?;
            let options = SqliteConnectOptions::new()
                .filename(dir.join("notes.db"))
                .create_if_missing(true);

            let pool = tauri::async_runtime::block_on(async move {
                let pool = SqlitePoolOptions::new()
                    .max_connections(4)
                    .connect_with(options)
                    .await?;
                sqlx::query(
                    "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL, updated_at TEXT NOT NULL)",
                )
                .execute(&pool)
                .await?;
                Ok::<_, sqlx::Error>(pool)
            })?;

            app.manage(pool);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![list_notes, save_note, sync_note])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
