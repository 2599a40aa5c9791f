use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Result;
use mongodb::bson::{doc, DateTime, Document};
use mongodb::sync::Collection;
use reqwest::blocking::multipart::Form;
use reqwest::blocking::Client;
use sha2::{Digest, Sha256};

/// Holds the clients built once in main; `on_change` runs once per kqueue event.
pub struct Ingestor {
    scans: Collection<Document>,
    http: Client,
    paperless_url: String,
    seen: HashSet<PathBuf>,
}

impl Ingestor {
    pub fn new(scans: Collection<Document>, http: Client, paperless_url: String) -> Self {
        Ingestor { scans, http, paperless_url, seen: HashSet::new() }
    }

    pub fn on_change(&mut self, inbox: &Path) -> Result<()> {
        for entry in std::fs::read_dir(inbox)? {
            let path = entry?.path();
            let is_pdf = path.extension().map(|e| e.eq_ignore_ascii_case("pdf")).unwrap_or(false);
            if !is_pdf || self.seen.contains(&path) || !settled(&path) {
                continue;
            }
            match self.ingest(&path) {
                Ok(()) => {
                    self.seen.insert(path);
                }
                Err(e) => log::warn!("{}: {:#} (will retry on next change)", path.display(), e),
            }
        }
        Ok(())
    }

    fn ingest(&self, path: &Path) -> Result<()> {
        let bytes = std::fs::read(path)?;
        let sha = hex::encode(Sha256::digest(&bytes));
        if self.scans.find_one(doc! { "sha256": &sha }).run()?.is_some() {
            log::info!("{} already filed", path.display());
            return Ok(());
        }

        let form = Form::new()
            .text("title", file_title(path))
            .file("document", path)?;
        let task_id: String = self
            .http
            .post(format!("{}/api/documents/post_document/", self.paperless_url))
            .multipart(form)
            .send()?
            .error_for_status()?
            .json()?;

        self.scans.insert_one(doc! {
            "sha256": sha,
            "file": path.to_string_lossy().to_string(),
            "paperless_task": task_id,
            "filed_at": DateTime::now(),
        }).run()?;
        log::info!("filed {}", path.display());
        Ok(())
    }
}

/// The scanner writes in chunks over SMB; wait until the size stops changing.
fn settled(path: &Path) -> bool {
    let before = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    std::thread::sleep(Duration::from_millis(750));
    let after = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    before > 0 && before == after
}

fn file_title(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().replace('_', " ")).unwrap_or_default()
}
