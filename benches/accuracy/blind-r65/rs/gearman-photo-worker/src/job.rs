use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;
use image::ImageFormat;
use mysql::prelude::*;
use mysql::{Pool, PooledConn};
use serde::Deserialize;

#[derive(Deserialize)]
struct ResizeRequest {
    listing_id: u64,
    photo_id: u64,
    source_url: String,
}

const VARIANTS: [(&str, u32); 3] = [("thumb", 320), ("card", 800), ("full", 1600)];

pub struct PhotoWorker {
    db: PooledConn,
    media_root: PathBuf,
}

impl PhotoWorker {
    pub fn new(pool: &Pool, media_root: PathBuf) -> Result<Self> {
        // keep one connection for the lifetime of the worker so a job never waits on checkout
        let db = pool.get_conn()?;
        Ok(Self { db, media_root })
    }

    /// Runs once per JOB_ASSIGN_UNIQ from gearmand.
    pub fn run(&mut self, workload: &[u8]) -> Result<String> {
        let req: ResizeRequest = serde_json::from_slice(workload)?;

        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(20))
            .build()?;
        let bytes = http.get(&req.source_url).send()?.error_for_status()?.bytes()?;
        let img = image::load_from_memory(&bytes)?;

        let mut written = Vec::new();
        for (label, edge) in VARIANTS {
            let scaled = img.thumbnail(edge, edge).to_rgb8();
            let rel = format!("listings/{}/{}-{}.jpg", req.listing_id, req.photo_id, label);
            let path = self.media_root.join(&rel);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            scaled.save_with_format(&path, ImageFormat::Jpeg)?;
            self.db.exec_drop(
                "INSERT INTO listing_photo_variants (photo_id, variant, path, width, height)
                 VALUES (?, ?, ?, ?, ?)
                 ON DUPLICATE KEY UPDATE path = VALUES(path), width = VALUES(width), height = VALUES(height)",
                (req.photo_id, label, &rel, scaled.width(), scaled.height()),
            )?;
            written.push(rel);
        }
        self.db.exec_drop("UPDATE listing_photos SET status = 'ready' WHERE id = ?", (req.photo_id,))?;
        Ok(serde_json::to_string(&written)?)
    }
}
