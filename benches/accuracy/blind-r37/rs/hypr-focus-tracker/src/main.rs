mod store;

use std::sync::{Arc, Mutex};

use hyprland::event_listener::EventListener;
use hyprland::shared::WorkspaceType;
use redis::Commands;

use crate::store::FocusRow;

fn main() -> anyhow::Result<()> {
    let user = std::env::var("USER").unwrap_or_else(|_| "unknown".into());
    let redis_url = std::env::var("TRACKER_REDIS_URL")
        .unwrap_or_else(|_| "redis://127.0.0.1:6379/2".into());

    let last_focus: Arc<Mutex<Option<FocusRow>>> = Arc::new(Mutex::new(None));

    let mut listener = EventListener::new();

    let focus_user = user.clone();
    let focus_state = last_focus.clone();
    listener.add_active_window_change_handler(move |data| {
        let Some(win) = data else { return };
        let row = FocusRow::start(&focus_user, &win.window_class, &win.window_title);

        let previous = focus_state.lock().unwrap().replace(row.clone());
        if let Some(prev) = previous {
            let mut db = match store::connect() {
                Ok(db) => db,
                Err(e) => {
                    eprintln!("focus-tracker: db unavailable: {e}");
                    return;
                }
            };
            if let Err(e) = store::close_span(&mut db, &prev, row.started_at) {
                eprintln!("focus-tracker: insert failed: {e}");
            }
        }
    });

    let ws_user = user.clone();
    listener.add_workspace_change_handler(move |ws| {
        let name = match ws {
            WorkspaceType::Regular(n) => n,
            WorkspaceType::Special(n) => n.unwrap_or_else(|| "special".into()),
        };
        let client = match redis::Client::open(redis_url.as_str()) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("focus-tracker: bad redis url: {e}");
                return;
            }
        };
        if let Ok(mut con) = client.get_connection() {
            let _: redis::RedisResult<()> = con.hset("focus:workspace", &ws_user, name);
        }
    });

    listener.start_listener()?;
    Ok(())
}
