mod store;
mod sync;

use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use floem::prelude::*;
use floem::Application;

use store::NotesStore;

/// Cheap to clone: every button callback gets its own copy.
#[derive(Clone)]
struct AppCtx {
    store: Arc<Mutex<NotesStore>>,
    sync_tx: mpsc::Sender<sync::Job>,
}

fn main() {
    let store = NotesStore::open(&store::default_path()).expect("open notes database");
    let store = Arc::new(Mutex::new(store));

    // Single HTTP client for the app's lifetime, owned by the sync worker.
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .expect("http client");
    let (sync_tx, sync_rx) = mpsc::channel();
    sync::spawn_worker(http, store.clone(), sync_rx);

    let ctx = AppCtx { store, sync_tx };
    Application::new()
        .window(move |_| notes_view(ctx.clone()), None)
        .run();
}

fn notes_view(ctx: AppCtx) -> impl IntoView {
    let draft = RwSignal::new(String::new());
    let notes = RwSignal::new(ctx.store.lock().unwrap().recent(50).unwrap_or_default());
    let status = RwSignal::new(String::from("idle"));

    let save_ctx = ctx.clone();
    let sync_ctx = ctx.clone();

    v_stack((
        text_input(draft).placeholder("What did you see?"),
        h_stack((
            button("Save").action(move || {
                let text = draft.get();
                if text.trim().is_empty() {
                    return;
                }
                let store = save_ctx.store.lock().unwrap();
                match store.insert(&text) {
                    Ok(_) => {
                        draft.set(String::new());
                        notes.set(store.recent(50).unwrap_or_default());
                    }
                    Err(e) => status.set(format!("save failed: {e}")),
                }
            }),
            button("Sync").action(move || {
                let pending = sync_ctx.store.lock().unwrap().unsynced().unwrap_or_default();
                status.set(format!("queued {} notes for upload", pending.len()));
                let _ = sync_ctx.sync_tx.send(sync::Job::Upload(pending));
            }),
        ))
        .style(|s| s.gap(8)),
        label(move || status.get()),
        dyn_stack(
            move || notes.get(),
            |note| note.id,
            |note| label(move || format!("{}  {}", note.created_at, note.body)),
        )
        .style(|s| s.flex_col().gap(4)),
    ))
    .style(|s| s.padding(16).gap(10).width_full())
}
