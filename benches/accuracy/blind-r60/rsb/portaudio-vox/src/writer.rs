use std::sync::mpsc::Receiver;
use std::time::Duration;

use postgres::{Client, NoTls};

use crate::VoxEdge;

pub struct Writer {
    channel_id: String,
    db: Client,
    http: reqwest::blocking::Client,
    cad_url: String,
}

impl Writer {
    /// Opened once at console start-up; the database lives in the dispatch centre, so a
    /// few attempts are allowed while the VPN comes up.
    pub fn start(channel_id: &str) -> anyhow::Result<Self> {
        let url = std::env::var("VOX_DB_URL")?;
        let mut attempts = 0;
        let db = loop {
            attempts += 1;
            match Client::connect(&url, NoTls) {
                Ok(db) => break db,
                Err(e) if attempts < 5 => {
                    eprintln!("vox db not reachable ({e}), attempt {attempts}/5");
                    std::thread::sleep(Duration::from_secs(3));
                }
                Err(e) => return Err(e.into()),
            }
        };
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()?;

        Ok(Self {
            channel_id: channel_id.to_string(),
            db,
            http,
            cad_url: std::env::var("CAD_ACTIVITY_URL")?,
        })
    }

    pub fn run(mut self, edges: Receiver<VoxEdge>) -> anyhow::Result<()> {
        for edge in edges {
            match edge {
                VoxEdge::KeyUp => {
                    self.db.execute(
                        "INSERT INTO channel_activity (channel_id, keyed_at) VALUES ($1, now())",
                        &[&self.channel_id],
                    )?;
                    let _ = self
                        .http
                        .post(&self.cad_url)
                        .json(&serde_json::json!({ "channel": self.channel_id, "busy": true }))
                        .send();
                }
                VoxEdge::KeyDown { buffers } => {
                    let secs = f64::from(buffers) * 0.02;
                    self.db.execute(
                        "UPDATE channel_activity SET duration_s = $2
                         WHERE channel_id = $1 AND duration_s IS NULL",
                        &[&self.channel_id, &secs],
                    )?;
                    let _ = self
                        .http
                        .post(&self.cad_url)
                        .json(&serde_json::json!({ "channel": self.channel_id, "busy": false }))
                        .send();
                }
            }
        }
        self.db.close()?;
        Ok(())
    }
}
