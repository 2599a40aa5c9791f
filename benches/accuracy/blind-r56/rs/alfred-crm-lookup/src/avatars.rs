//! Gravatar thumbnails, cached in Alfred's per-workflow cache directory so a
//! given avatar is downloaded at most once a week.

use md5::{Digest, Md5};
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

const MAX_AGE: Duration = Duration::from_secs(7 * 24 * 3600);

fn cache_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("alfred_workflow_cache")?).join("avatars");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir)
}

fn fresh(path: &PathBuf) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age < MAX_AGE)
}

pub fn cached_avatar(http: &reqwest::blocking::Client, email: &str) -> Option<PathBuf> {
    let hash = hex::encode(Md5::digest(email.trim().to_lowercase().as_bytes()));
    let path = cache_dir()?.join(format!("{hash}.png"));
    if fresh(&path) {
        return Some(path);
    }
    let resp = http
        .get(format!("https://www.gravatar.com/avatar/{hash}?s=64&d=404"))
        .send()
        .ok()?;
    if !resp.status().is_success() {
        return None;
    }
    let bytes = resp.bytes().ok()?;
    std::fs::write(&path, &bytes).ok()?;
    Some(path)
}
