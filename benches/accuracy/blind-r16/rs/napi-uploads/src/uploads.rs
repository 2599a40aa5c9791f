use std::env;
use std::time::Duration;

use aws_sdk_s3::presigning::PresigningConfig;

use crate::clients;

fn err(e: impl std::fmt::Display) -> napi::Error {
    napi::Error::from_reason(e.to_string())
}

fn bucket_for(region: Option<&str>) -> String {
    match region {
        Some(r) => format!("acme-uploads-{r}"),
        None => env::var("UPLOADS_BUCKET").unwrap_or_else(|_| "acme-uploads".into()),
    }
}

#[napi(object)]
pub struct PresignedUpload {
    pub url: String,
    pub key: String,
}

#[napi]
pub async fn presign_upload(tenant: String, filename: String, region: Option<String>) -> napi::Result<PresignedUpload> {
    let client = match region.as_deref() {
        Some(r) => clients::s3_for_region(r).await,
        None => clients::s3().await.clone(),
    };
    let key = format!("{tenant}/{}/{filename}", uuid::Uuid::new_v4());
    let presigned = client
        .put_object()
        .bucket(bucket_for(region.as_deref()))
        .key(&key)
        .presigned(PresigningConfig::expires_in(Duration::from_secs(900)).map_err(err)?)
        .await
        .map_err(err)?;
    Ok(PresignedUpload { url: presigned.uri().to_string(), key })
}

#[napi]
pub async fn record_upload(tenant: String, key: String, bytes: i64) -> napi::Result<String> {
    let pool = clients::db()?;
    let mut tx = pool.begin().await.map_err(err)?;
    let (id,): (String,) = sqlx::query_as(
        "INSERT INTO uploads (tenant, s3_key, bytes) VALUES ($1, $2, $3) RETURNING id::text",
    )
    .bind(&tenant)
    .bind(&key)
    .bind(bytes)
    .fetch_one(&mut *tx)
    .await
    .map_err(err)?;
    sqlx::query("UPDATE tenant_usage SET bytes_used = bytes_used + $2 WHERE tenant = $1")
        .bind(&tenant)
        .bind(bytes)
        .execute(&mut *tx)
        .await
        .map_err(err)?;
    tx.commit().await.map_err(err)?;
    Ok(id)
}

#[napi]
pub async fn list_uploads(tenant: String, limit: u32) -> napi::Result<Vec<String>> {
    let pool = clients::db()?;
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT s3_key FROM uploads WHERE tenant = $1 ORDER BY created_at DESC LIMIT $2",
    )
    .bind(&tenant)
    .bind(limit.min(200) as i64)
    .fetch_all(pool)
    .await
    .map_err(err)?;
    Ok(rows.into_iter().map(|(k,)| k).collect())
}
