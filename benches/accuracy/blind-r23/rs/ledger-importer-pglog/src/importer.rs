use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, Serialize)]
pub struct LedgerLine {
    pub booking_date: String,
    pub account: String,
    pub counterparty: String,
    pub amount_cents: i64,
    pub currency: String,
    pub reference: String,
}

/// Posts bank statement files dropped by the SFTP gateway to the ledger API.
pub struct Importer {
    agent: ureq::Agent,
    api_base: String,
    inbox: PathBuf,
    done: PathBuf,
    failed: PathBuf,
}

impl Importer {
    pub fn new(agent: ureq::Agent, api_base: String, inbox: PathBuf) -> std::io::Result<Self> {
        let done = inbox.join("processed");
        let failed = inbox.join("failed");
        fs::create_dir_all(&done)?;
        fs::create_dir_all(&failed)?;
        Ok(Self { agent, api_base, inbox, done, failed })
    }

    pub fn scan_once(&self) -> std::io::Result<usize> {
        let mut handled = 0;
        for entry in fs::read_dir(&self.inbox)? {
            let path = entry?.path();
            if path.extension().and_then(|e| e.to_str()) != Some("csv") {
                continue;
            }
            let target = match self.import_file(&path) {
                Ok(lines) => {
                    log::info!("imported {} lines from {}", lines, path.display());
                    &self.done
                }
                Err(e) => {
                    log::error!("import of {} failed: {e:#}", path.display());
                    &self.failed
                }
            };
            if let Some(name) = path.file_name() {
                fs::rename(&path, target.join(name))?;
            }
            handled += 1;
        }
        Ok(handled)
    }

    fn import_file(&self, path: &Path) -> anyhow::Result<usize> {
        let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_path(path)?;
        let lines: Vec<LedgerLine> = reader.deserialize().collect::<Result<_, _>>()?;
        if lines.is_empty() {
            log::warn!("{} contained no lines", path.display());
            return Ok(0);
        }

        for chunk in lines.chunks(200) {
            let resp = self
                .agent
                .post(&format!("{}/v2/ledger/lines:bulk", self.api_base))
                .send_json(serde_json::json!({ "lines": chunk }));
            match resp {
                Ok(_) => {}
                Err(ureq::Error::Status(409, _)) => {
                    log::warn!("duplicate chunk in {}, skipping", path.display());
                }
                Err(e) => return Err(e.into()),
            }
        }
        Ok(lines.len())
    }
}
