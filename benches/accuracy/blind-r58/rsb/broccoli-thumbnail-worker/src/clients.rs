use std::time::Duration;

pub fn database_url() -> String {
    std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://media:media@localhost:5432/media".to_owned())
}

pub fn broker_url() -> String {
    std::env::var("BROKER_URL").unwrap_or_else(|_| "redis://localhost:6379".to_owned())
}

pub fn storage_base() -> String {
    std::env::var("STORAGE_BASE").unwrap_or_else(|_| "http://minio:9000/media".to_owned())
}

/// HTTP client for talking to object storage (originals and thumbnails).
pub fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .pool_idle_timeout(Duration::from_secs(90))
        .user_agent("thumbnail-worker/0.2")
        .build()
        .expect("reqwest client")
}

pub fn worker_id() -> String {
    std::env::var("HOSTNAME").unwrap_or_else(|_| "thumbnail-worker".to_owned())
}

pub const SIZES: [u32; 3] = [96, 320, 1024];

pub fn thumb_key(asset_id: &uuid::Uuid, size: u32) -> String {
    format!("thumbs/{asset_id}/{size}.webp")
}
