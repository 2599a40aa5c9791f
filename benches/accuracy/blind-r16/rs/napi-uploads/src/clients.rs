use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, OnceLock};

use aws_config::{BehaviorVersion, Region};
use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::sync::OnceCell;

static DB: OnceLock<PgPool> = OnceLock::new();
static S3: OnceCell<aws_sdk_s3::Client> = OnceCell::const_new();
static S3_BY_REGION: LazyLock<Mutex<HashMap<String, aws_sdk_s3::Client>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// Called once from the Node process at boot.
#[napi]
pub fn init(database_url: String) -> napi::Result<()> {
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .connect_lazy(&database_url)
        .map_err(|e| napi::Error::from_reason(e.to_string()))?;
    DB.set(pool)
        .map_err(|_| napi::Error::from_reason("uploads-native: init() called twice"))
}

pub fn db() -> napi::Result<&'static PgPool> {
    DB.get()
        .ok_or_else(|| napi::Error::from_reason("uploads-native: call init() first"))
}

pub async fn s3() -> &'static aws_sdk_s3::Client {
    S3.get_or_init(|| async {
        let conf = aws_config::load_defaults(BehaviorVersion::latest()).await;
        aws_sdk_s3::Client::new(&conf)
    })
    .await
}

/// Tenants with data-residency requirements upload to a bucket in their own region.
pub async fn s3_for_region(region: &str) -> aws_sdk_s3::Client {
    if let Some(client) = S3_BY_REGION.lock().unwrap().get(region) {
        return client.clone();
    }
    let conf = aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new(region.to_string()))
        .load()
        .await;
    let client = aws_sdk_s3::Client::new(&conf);
    S3_BY_REGION
        .lock()
        .unwrap()
        .entry(region.to_string())
        .or_insert(client)
        .clone()
}
