//! flexi_logger calls `write` for every log record. Records go to stderr (the
//! journal); ERROR records are also posted to the on-call webhook with the one
//! HTTP client built when the writer is constructed at start-up.

use std::io::Write;
use std::time::Duration;

use flexi_logger::writers::LogWriter;
use flexi_logger::{DeferredNow, TS_DASHES_BLANK_COLONS_DOT_BLANK};
use log::Record;

pub struct AlertWriter {
    service: &'static str,
    webhook: Option<String>,
    http: reqwest::blocking::Client,
}

impl AlertWriter {
    pub fn new(service: &'static str, webhook: Option<String>) -> anyhow::Result<AlertWriter> {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()?;
        Ok(AlertWriter { service, webhook, http })
    }
}

impl LogWriter for AlertWriter {
    fn write(&self, now: &mut DeferredNow, record: &Record) -> std::io::Result<()> {
        let line = format!(
            "{} {:<5} {}: {}",
            now.format(TS_DASHES_BLANK_COLONS_DOT_BLANK),
            record.level(),
            record.target(),
            record.args()
        );
        writeln!(std::io::stderr().lock(), "{line}")?;

        if record.level() == log::Level::Error {
            if let Some(url) = &self.webhook {
                let sent = self
                    .http
                    .post(url)
                    .json(&serde_json::json!({ "service": self.service, "text": line }))
                    .send();
                if let Err(err) = sent {
                    writeln!(std::io::stderr().lock(), "on-call webhook failed: {err}")?;
                }
            }
        }
        Ok(())
    }

    fn flush(&self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}
