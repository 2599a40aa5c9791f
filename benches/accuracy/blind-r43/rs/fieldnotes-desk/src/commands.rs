use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db;
use crate::schema::notes;

/// Messages posted from the page with `window.external.invoke(JSON.stringify(...))`.
#[derive(Deserialize)]
#[serde(tag = "cmd", rename_all = "snake_case")]
pub enum Cmd {
    List { site: String },
    Save { site: String, body: String },
    Sync,
}

#[derive(Queryable, Serialize)]
pub struct Note {
    pub id: i32,
    pub site: String,
    pub body: String,
    pub synced: bool,
    pub created_at: DateTime<Utc>,
}

pub fn list(conn: &mut PgConnection, site: &str) -> QueryResult<Vec<Note>> {
    notes::table
        .filter(notes::site.eq(site))
        .order(notes::created_at.desc())
        .limit(200)
        .load(conn)
}

/// Runs on a background thread so the UI does not freeze while saving.
pub fn save(site: &str, body: &str) -> anyhow::Result<i32> {
    let mut conn = db::connect()?;
    let id = diesel::insert_into(notes::table)
        .values((notes::site.eq(site), notes::body.eq(body)))
        .returning(notes::id)
        .get_result(&mut conn)?;
    Ok(id)
}

/// Pushes unsynced notes to the office API.
pub fn sync(conn: &mut PgConnection, api_base: &str) -> anyhow::Result<usize> {
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(20))
        .build();
    let pending: Vec<Note> = notes::table.filter(notes::synced.eq(false)).load(conn)?;
    for note in &pending {
        agent
            .post(&format!("{api_base}/v1/inspections/notes"))
            .send_json(note)?;
        diesel::update(notes::table.find(note.id))
            .set(notes::synced.eq(true))
            .execute(conn)?;
    }
    Ok(pending.len())
}
