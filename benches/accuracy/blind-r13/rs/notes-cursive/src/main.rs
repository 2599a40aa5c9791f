mod store;

use std::time::Duration;

use cursive::traits::*;
use cursive::views::{Dialog, EditView, LinearLayout, SelectView, TextArea, TextView};
use cursive::Cursive;

/// Everything the callbacks need, opened once and kept in Cursive's user data.
struct AppState {
    db: store::NoteStore,
    http: ureq::Agent,
    sync_url: String,
}

fn main() -> anyhow::Result<()> {
    let db = store::NoteStore::open(&store::default_path())?;
    let http = ureq::AgentBuilder::new()
        .timeout_connect(Duration::from_secs(5))
        .timeout(Duration::from_secs(20))
        .build();
    let sync_url = std::env::var("NOTES_SYNC_URL").unwrap_or_else(|_| "https://notes.example.org/api/sync".into());

    let mut siv = cursive::default();
    siv.set_user_data(AppState { db, http, sync_url });

    siv.add_global_callback('q', Cursive::quit);
    siv.add_global_callback('n', new_note_dialog);
    siv.add_global_callback('s', sync_notes);

    let list = SelectView::<i64>::new()
        .on_submit(show_note)
        .with_name("notes")
        .full_screen();
    siv.add_layer(Dialog::around(list).title("Notes  [n]ew  [s]ync  [q]uit"));
    reload_list(&mut siv);

    siv.run();
    Ok(())
}

fn reload_list(s: &mut Cursive) {
    let titles = s
        .with_user_data(|st: &mut AppState| st.db.titles())
        .unwrap_or_else(|| Ok(Vec::new()))
        .unwrap_or_default();
    s.call_on_name("notes", |v: &mut SelectView<i64>| {
        v.clear();
        for (id, title) in titles {
            v.add_item(title, id);
        }
    });
}

fn show_note(s: &mut Cursive, id: &i64) {
    let body = s
        .with_user_data(|st: &mut AppState| st.db.body(*id))
        .and_then(|r| r.ok())
        .unwrap_or_else(|| "(missing)".into());
    s.add_layer(Dialog::around(TextView::new(body)).dismiss_button("Close"));
}

fn new_note_dialog(s: &mut Cursive) {
    let form = LinearLayout::vertical()
        .child(EditView::new().with_name("title"))
        .child(TextArea::new().with_name("body").min_height(6));
    s.add_layer(
        Dialog::around(form)
            .title("New note")
            .button("Save", |s| {
                let title = s.call_on_name("title", |v: &mut EditView| v.get_content()).unwrap();
                let body = s.call_on_name("body", |v: &mut TextArea| v.get_content().to_string()).unwrap();
                let saved = s.with_user_data(|st: &mut AppState| st.db.insert(&title, &body));
                s.pop_layer();
                if let Some(Err(e)) = saved {
                    s.add_layer(Dialog::info(format!("save failed: {e}")));
                }
                reload_list(s);
            })
            .dismiss_button("Cancel"),
    );
}

fn sync_notes(s: &mut Cursive) {
    let outcome = s.with_user_data(|st: &mut AppState| -> anyhow::Result<usize> {
        let notes = st.db.all_as_json()?;
        let count = notes.len();
        st.http.post(&st.sync_url).send_json(serde_json::json!({ "notes": notes }))?;
        Ok(count)
    });
    let msg = match outcome {
        Some(Ok(n)) => format!("synced {n} notes"),
        Some(Err(e)) => format!("sync failed: {e}"),
        None => "no state".to_string(),
    };
    s.add_layer(Dialog::info(msg));
}
