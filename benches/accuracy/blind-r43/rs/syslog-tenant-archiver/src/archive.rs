use std::collections::HashMap;
use std::sync::LazyLock;

use opendal::services::S3;
use opendal::Operator;
use tokio::sync::Mutex;

/// Tenants with a dedicated archive bucket, read once from
/// ARCHIVE_BUCKETS="acme=acme-syslog-archive,globex=globex-logs".
static BUCKETS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    std::env::var("ARCHIVE_BUCKETS")
        .unwrap_or_default()
        .split(',')
        .filter_map(|pair| pair.split_once('='))
        .map(|(tenant, bucket)| (tenant.trim().to_owned(), bucket.trim().to_owned()))
        .collect()
});

/// One Operator per tenant, created on first use and reused afterwards.
static OPERATORS: LazyLock<Mutex<HashMap<String, Operator>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

pub async fn operator_for(tenant: &str) -> anyhow::Result<Option<Operator>> {
    let Some(bucket) = BUCKETS.get(tenant) else {
        return Ok(None);
    };
    let mut cache = OPERATORS.lock().await;
    if let Some(op) = cache.get(tenant) {
        return Ok(Some(op.clone()));
    }
    let region = std::env::var("ARCHIVE_REGION").unwrap_or_else(|_| "eu-central-1".into());
    let builder = S3::default().bucket(bucket).region(&region).root("/syslog");
    let op = Operator::new(builder)?.finish();
    cache.insert(tenant.to_owned(), op.clone());
    Ok(Some(op))
}
