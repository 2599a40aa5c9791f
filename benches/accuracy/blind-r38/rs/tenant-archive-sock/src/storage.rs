//! Every tenant archives into its own storage account (data residency), so
//! there is one BlobServiceClient per tenant, created on first use and kept
//! for the life of the process.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use azure_storage::StorageCredentials;
use azure_storage_blobs::prelude::{BlobClient, BlobServiceClient};
use sqlx::PgPool;

const CONTAINER: &str = "invoice-archive";

static SERVICES: LazyLock<Mutex<HashMap<String, BlobServiceClient>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

pub async fn blob_for(pool: &PgPool, tenant: &str, name: &str) -> anyhow::Result<BlobClient> {
    let cached = SERVICES.lock().unwrap().get(tenant).cloned();
    let service = match cached {
        Some(service) => service,
        None => {
            let (account, key): (String, String) = sqlx::query_as(
                "SELECT storage_account, storage_key FROM tenant_storage WHERE tenant_id = $1",
            )
            .bind(tenant)
            .fetch_one(pool)
            .await?;
            let fresh = BlobServiceClient::new(account.clone(), StorageCredentials::access_key(account, key));
            SERVICES
                .lock()
                .unwrap()
                .entry(tenant.to_string())
                .or_insert(fresh)
                .clone()
        }
    };
    Ok(service.container_client(CONTAINER).blob_client(name))
}
