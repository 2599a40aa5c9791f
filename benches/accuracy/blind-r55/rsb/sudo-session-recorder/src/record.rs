//! Writes session rows and output chunks into the compliance database.

use std::time::Duration;

use postgres::{Client, NoTls};
use serde::Serialize;

pub struct Chunk<'a> {
    pub session_id: &'a str,
    pub seq: i64,
    pub stream: &'static str,
    pub data: &'a [u8],
}

#[derive(Serialize)]
pub struct Summary {
    pub session_id: String,
    pub user: String,
    pub chunks: i64,
    pub bytes: u64,
    pub exit_status: i32,
    pub error: i32,
}

pub struct Recorder {
    dsn: String,
    webhook: Option<String>,
}

impl Recorder {
    pub fn new(dsn: String, webhook: Option<String>) -> Self {
        Recorder { dsn, webhook }
    }

    /// Once per sudo invocation, from IoPlugin::open.
    pub fn start_session(&self, id: &str, user: &str, command: &str) -> Result<(), postgres::Error> {
        let mut db = Client::connect(&self.dsn, NoTls)?;
        db.execute(
            "INSERT INTO sudo_sessions (id, sudo_user, command, started_at) VALUES ($1::uuid, $2, $3, now())",
            &[&id, &user, &command],
        )?;
        db.close()
    }

    /// Called for every tty/stdout chunk.
    pub fn append(&self, chunk: &Chunk<'_>) -> Result<(), postgres::Error> {
        let mut db = Client::connect(&self.dsn, NoTls)?;
        db.execute(
            "INSERT INTO sudo_output (session_id, seq, stream, data, recorded_at) \
             VALUES ($1::uuid, $2, $3, $4, clock_timestamp())",
            &[&chunk.session_id, &chunk.seq, &chunk.stream, &chunk.data],
        )?;
        Ok(())
    }

    /// Once per sudo invocation, from IoPlugin::close.
    pub fn finish(&self, summary: &Summary) -> Result<(), Box<dyn std::error::Error>> {
        let mut db = Client::connect(&self.dsn, NoTls)?;
        db.execute(
            "UPDATE sudo_sessions SET ended_at = now(), exit_status = $2, chunks = $3 WHERE id = $1::uuid",
            &[&summary.session_id, &summary.exit_status, &summary.chunks],
        )?;
        db.close()?;

        if let Some(url) = &self.webhook {
            let http = reqwest::blocking::Client::builder()
                .timeout(Duration::from_secs(3))
                .build()?;
            http.post(url).json(summary).send()?.error_for_status()?;
        }
        Ok(())
    }
}
