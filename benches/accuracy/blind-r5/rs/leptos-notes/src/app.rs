use leptos::*;
use leptos_meta::*;
use leptos_router::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Note {
    pub id: i64,
    pub body: String,
}

#[server(ListNotes, "/api")]
pub async fn list_notes() -> Result<Vec<Note>, ServerFnError> {
    let pool = crate::db::pool().await?;
    let notes = sqlx::query_as::<_, Note>("SELECT id, body FROM notes ORDER BY id DESC")
        .fetch_all(pool)
        .await?;
    Ok(notes)
}

#[server(AddNote, "/api")]
pub async fn add_note(body: String) -> Result<(), ServerFnError> {
    if body.trim().is_empty() {
        return Err(ServerFnError::ServerError("note is empty".into()));
    }
    let pool = crate::db::pool().await?;
    sqlx::query("INSERT INTO notes (body) VALUES ($1)")
        .bind(body.trim())
        .execute(pool)
        .await?;
    Ok(())
}

#[server(DeleteNote, "/api")]
pub async fn delete_note(id: i64) -> Result<(), ServerFnError> {
    let pool = crate::db::pool().await?;
    sqlx::query("DELETE FROM notes WHERE id = $1")
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="leptos" href="/pkg/leptos-notes.css"/>
        <Title text="Notes"/>
        <Router>
            <main>
                <Routes>
                    <Route path="" view=NotesPage/>
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn NotesPage() -> impl IntoView {
    let add = create_server_action::<AddNote>();
    let delete = create_server_action::<DeleteNote>();
    let notes = create_resource(
        move || (add.version().get(), delete.version().get()),
        |_| list_notes(),
    );

    view! {
        <h1>"Notes"</h1>
        <ActionForm action=add>
            <input type="text" name="body" placeholder="Write something"/>
            <input type="submit" value="Add"/>
        </ActionForm>
        <Suspense fallback=move || view! { <p>"Loading..."</p> }>
            {move || notes.get().map(|res| match res {
                Ok(list) => view! {
                    <ul>
                        {list.into_iter().map(|note| {
                            let id = note.id;
                            view! {
                                <li>
                                    {note.body}
                                    <button on:click=move |_| delete.dispatch(DeleteNote { id })>"x"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_view(),
                Err(err) => view! { <p class="error">{err.to_string()}</p> }.into_view(),
            })}
        </Suspense>
    }
}
