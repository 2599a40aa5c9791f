//! Upload / download of single LFS objects.
use std::fs::File;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use base64::Engine;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::{audit, Event};

pub struct Agent {
    operation: String,
    remote: String,
    http: reqwest::blocking::Client,
    tmp_dir: PathBuf,
}

impl Agent {
    pub fn new(operation: Option<&str>, remote: Option<&str>) -> Result<Agent> {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(600))
            .user_agent("lfs-s3-agent/0.4")
            .build()?;
        Ok(Agent {
            operation: operation.unwrap_or("download").to_string(),
            remote: remote.unwrap_or("origin").to_string(),
            http,
            tmp_dir: std::env::temp_dir(),
        })
    }

    /// Uploads one object to the presigned URL handed out by the LFS server,
    /// adding an x-amz-checksum-sha256 header so S3 verifies the body.
    pub fn upload(&mut self, ev: &Event, out: &mut impl Write) -> Result<Option<String>> {
        let oid = ev.oid.as_deref().context("upload without oid")?;
        let path = ev.path.as_deref().context("upload without path")?;
        let action = ev.action.as_ref().context("upload without action")?;

        let mut body = Vec::with_capacity(ev.size.unwrap_or(0) as usize);
        File::open(path)?.read_to_end(&mut body)?;
        let checksum = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(&body));

        let client = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(600))
            .build()?;
        let mut req = client.put(&action.href).header("x-amz-checksum-sha256", checksum);
        for (k, v) in &action.header {
            req = req.header(k.as_str(), v.as_str());
        }
        let size = body.len() as u64;
        let resp = req.body(body).send()?;
        if !resp.status().is_success() {
            bail!("S3 PUT for {oid} returned {}", resp.status());
        }
        progress(out, oid, size, size)?;
        audit::record_upload(&self.remote, oid, size)?;
        Ok(None)
    }

    /// Downloads one object into a temp file; git-lfs moves it into place.
    pub fn download(&mut self, ev: &Event, out: &mut impl Write) -> Result<Option<String>> {
        let oid = ev.oid.as_deref().context("download without oid")?;
        let action = ev.action.as_ref().context("download without action")?;
        if self.operation != "download" {
            bail!("agent initialised for {}", self.operation);
        }
        let mut req = self.http.get(&action.href);
        for (k, v) in &action.header {
            req = req.header(k.as_str(), v.as_str());
        }
        let bytes = req.send()?.error_for_status()?.bytes()?;
        let dest = self.tmp_dir.join(format!("lfs-{oid}"));
        File::create(&dest)?.write_all(&bytes)?;
        progress(out, oid, bytes.len() as u64, bytes.len() as u64)?;
        Ok(Some(dest.to_string_lossy().into_owned()))
    }
}

fn progress(out: &mut impl Write, oid: &str, so_far: u64, since_last: u64) -> Result<()> {
    let msg = json!({"event": "progress", "oid": oid,
                     "bytesSoFar": so_far, "bytesSinceLast": since_last});
    writeln!(out, "{}", msg)?;
    out.flush()?;
    Ok(())
}
