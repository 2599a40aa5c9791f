#[cfg(feature = "server")]
mod server;

use dioxus::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(sqlx::FromRow))]
pub struct Note {
    pub id: i64,
    pub body: String,
    pub summary: Option<String>,
}

fn main() {
    dioxus::launch(App);
}

#[component]
fn App() -> Element {
    let mut notes = use_resource(|| async move { list_notes().await.unwrap_or_default() });
    let mut draft = use_signal(String::new);

    rsx! {
        h1 { "Notes" }
        form {
            onsubmit: move |evt: FormEvent| async move {
                evt.prevent_default();
                if add_note(draft()).await.is_ok() {
                    draft.set(String::new());
                    notes.restart();
                }
            },
            input { value: "{draft}", oninput: move |e| draft.set(e.value()) }
            button { r#type: "submit", "Add" }
        }
        match &*notes.read_unchecked() {
            Some(list) => rsx! {
                ul {
                    for note in list.iter().cloned() {
                        li { key: "{note.id}",
                            "{note.body}"
                            if let Some(summary) = note.summary.clone() {
                                em { " — {summary}" }
                            } else {
                                button {
                                    onclick: move |_| async move {
                                        let _ = summarize(note.id).await;
                                        notes.restart();
                                    },
                                    "summarize"
                                }
                            }
                        }
                    }
                }
            },
            None => rsx! { p { "loading…" } },
        }
    }
}

#[server]
async fn list_notes() -> Result<Vec<Note>, ServerFnError> {
    let notes = sqlx::query_as::<_, Note>("SELECT id, body, summary FROM notes ORDER BY id DESC")
        .fetch_all(&*server::POOL)
        .await?;
    Ok(notes)
}

#[server]
async fn add_note(body: String) -> Result<i64, ServerFnError> {
    let mut tx = server::POOL.begin().await?;
    let id: i64 = sqlx::query_scalar("INSERT INTO notes (body) VALUES (?) RETURNING id")
        .bind(&body)
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO note_events (note_id, kind) VALUES (?, 'created')")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(id)
}

#[server]
async fn summarize(id: i64) -> Result<String, ServerFnError> {
    let body: String = sqlx::query_scalar("SELECT body FROM notes WHERE id = ?")
        .bind(id)
        .fetch_one(&*server::POOL)
        .await?;

    #[derive(Deserialize)]
    struct Summary {
        summary: String,
    }
    let api = std::env::var("SUMMARY_API_URL")?;
    let out: Summary = server::http()
        .post(format!("{api}/v1/summarize"))
        .json(&serde_json::json!({ "text": body, "max_words": 20 }))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;

    sqlx::query("UPDATE notes SET summary = ? WHERE id = ?")
        .bind(&out.summary)
        .bind(id)
        .execute(&*server::POOL)
        .await?;
    Ok(out.summary)
}
