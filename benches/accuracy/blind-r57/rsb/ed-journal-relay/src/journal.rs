//! Follows the newest journal file, like `tail -f`, switching to a new file
//! when the game starts a new session.
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use serde_json::Value;
use tokio::fs::{self, File};
use tokio::io::{AsyncBufReadExt, BufReader};

pub struct Tail {
    dir: PathBuf,
    path: PathBuf,
    reader: BufReader<File>,
}

async fn newest_journal(dir: &Path) -> Result<PathBuf> {
    // Journal names embed the session timestamp, so they sort chronologically.
    let mut newest: Option<(String, PathBuf)> = None;
    let mut entries = fs::read_dir(dir).await.context("journal directory")?;
    while let Some(entry) = entries.next_entry().await? {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("Journal.") && name.ends_with(".log")
            && newest.as_ref().map_or(true, |(n, _)| *n < name)
        {
            newest = Some((name, entry.path()));
        }
    }
    newest.map(|(_, p)| p).context("no Journal.*.log found")
}

impl Tail {
    pub async fn open_latest(dir: &Path) -> Result<Tail> {
        let path = newest_journal(dir).await?;
        let reader = BufReader::new(File::open(&path).await?);
        Ok(Tail { dir: dir.to_path_buf(), path, reader })
    }

    /// Returns the next complete event, or `None` after waiting a second when
    /// the game has not written anything new.
    pub async fn next_event(&mut self) -> Result<Option<Value>> {
        let mut line = String::new();
        let n = self.reader.read_line(&mut line).await?;
        if n == 0 || !line.ends_with('\n') {
            tokio::time::sleep(Duration::from_secs(1)).await;
            return Ok(None);
        }
        Ok(serde_json::from_str(line.trim_end()).ok())
    }

    pub async fn wait_for_new_session(&mut self) -> Result<()> {
        loop {
            tokio::time::sleep(Duration::from_secs(5)).await;
            let latest = newest_journal(&self.dir).await?;
            if latest != self.path {
                self.reader = BufReader::new(File::open(&latest).await?);
                self.path = latest;
                return Ok(());
            }
        }
    }
}
