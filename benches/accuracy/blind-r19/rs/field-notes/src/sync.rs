use std::sync::{mpsc, Arc, Mutex};
use std::thread;

use crate::store::{Note, NotesStore};

pub enum Job {
    Upload(Vec<Note>),
}

fn endpoint() -> String {
    std::env::var("FIELD_NOTES_SYNC_URL").unwrap_or_else(|_| "https://notes.example.org/api/notes/bulk".into())
}

/// Background worker: owns the HTTP client, processes one job at a time.
pub fn spawn_worker(http: reqwest::blocking::Client, store: Arc<Mutex<NotesStore>>, rx: mpsc::Receiver<Job>) {
    thread::Builder::new()
        .name("sync".into())
        .spawn(move || {
            for job in rx {
                match job {
                    Job::Upload(notes) if notes.is_empty() => {}
                    Job::Upload(notes) => {
                        let result = http
                            .post(endpoint())
                            .json(&notes)
                            .send()
                            .and_then(|r| r.error_for_status());
                        match result {
                            Ok(_) => {
                                let ids: Vec<i64> = notes.iter().map(|n| n.id).collect();
                                if let Err(e) = store.lock().unwrap().mark_synced(&ids) {
                                    eprintln!("could not mark notes synced: {e}");
                                }
                            }
                            Err(e) => eprintln!("upload failed, will retry on next sync: {e}"),
                        }
                    }
                }
            }
        })
        .expect("spawn sync worker");
}
