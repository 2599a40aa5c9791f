//! Shared notes core for the Android and iOS apps (UniFFI bindings).
//! The apps construct exactly one `NotesEngine` per process and call its
//! methods from UI actions / WorkManager / BGTaskScheduler.

mod store;

use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::store::Store;

uniffi::setup_scaffolding!();

#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum SyncError {
    #[error("storage error: {reason}")]
    Storage { reason: String },
    #[error("network error: {reason}")]
    Network { reason: String },
    #[error("not signed in")]
    NotSignedIn,
}

impl From<rusqlite::Error> for SyncError {
    fn from(e: rusqlite::Error) -> Self {
        SyncError::Storage { reason: e.to_string() }
    }
}

impl From<reqwest::Error> for SyncError {
    fn from(e: reqwest::Error) -> Self {
        SyncError::Network { reason: e.to_string() }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, uniffi::Record)]
pub struct Note {
    pub id: String,
    pub body: String,
    pub updated_at: i64,
    pub dirty: bool,
}

#[derive(Deserialize)]
struct PushResponse {
    server_notes: Vec<Note>,
}

#[derive(uniffi::Object)]
pub struct NotesEngine {
    store: Mutex<Store>,
    http: reqwest::blocking::Client,
    base_url: String,
    token: Mutex<Option<String>>,
}

fn now_millis() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

#[uniffi::export]
impl NotesEngine {
    #[uniffi::constructor]
    pub fn new(db_path: String, base_url: String) -> Result<Arc<Self>, SyncError> {
        let store = Store::open(&db_path)?;
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(20))
            .user_agent(concat!("notes-core/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Arc::new(Self {
            store: Mutex::new(store),
            http,
            base_url,
            token: Mutex::new(None),
        }))
    }

    pub fn set_token(&self, token: String) {
        *self.token.lock().unwrap() = Some(token);
    }

    pub fn save_note(&self, id: String, body: String) -> Result<(), SyncError> {
        let note = Note { id, body, updated_at: now_millis(), dirty: true };
        self.store.lock().unwrap().upsert(&note)?;
        Ok(())
    }

    pub fn list_notes(&self) -> Result<Vec<Note>, SyncError> {
        Ok(self.store.lock().unwrap().all()?)
    }

    /// Pushes dirty notes, pulls server changes. Returns notes changed locally.
    pub fn sync(&self) -> Result<u32, SyncError> {
        let token = self.token.lock().unwrap().clone().ok_or(SyncError::NotSignedIn)?;
        let (dirty, since) = {
            let store = self.store.lock().unwrap();
            (store.dirty()?, store.last_sync()?)
        };

        let resp: PushResponse = self
            .http
            .post(format!("{}/v2/notes/sync", self.base_url))
            .bearer_auth(token)
            .query(&[("since", since)])
            .json(&dirty)
            .send()?
            .error_for_status()?
            .json()?;

        let mut store = self.store.lock().unwrap();
        let changed = store.apply_server(&resp.server_notes, &dirty, now_millis())?;
        Ok(changed)
    }
}
