use std::path::{Path, PathBuf};

use elasticsearch::{Elasticsearch, IndexParts};
use landing_zone::{db, manifest, search};
use serde_json::json;
use sqlx::PgPool;
use watchman_client::prelude::*;

query_result_type! {
    struct ManifestFile {
        name: NameField,
        exists: ExistsField,
    }
}

/// Runs once per changed manifest file.
async fn load_file(pool: &PgPool, es: &Elasticsearch, path: &Path) -> anyhow::Result<usize> {
    let lines = manifest::read(path)?;
    let file_name = path.file_name().and_then(|f| f.to_str()).unwrap_or_default().to_string();

    let mut tx = pool.begin().await?;
    for l in &lines {
        sqlx::query(
            "INSERT INTO shipments (shipment_id, carrier, origin, destination, pieces, weight_kg, source_file) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (shipment_id) DO UPDATE SET pieces = EXCLUDED.pieces, weight_kg = EXCLUDED.weight_kg",
        )
        .bind(&l.shipment_id)
        .bind(&l.carrier)
        .bind(&l.origin)
        .bind(&l.destination)
        .bind(l.pieces)
        .bind(l.weight_kg)
        .bind(&file_name)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;

    for l in &lines {
        es.index(IndexParts::IndexId("shipments", &l.shipment_id))
            .body(json!({
                "carrier": l.carrier,
                "origin": l.origin,
                "destination": l.destination,
                "pieces": l.pieces,
                "weight_kg": l.weight_kg,
            }))
            .send()
            .await?;
    }
    Ok(lines.len())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let root: PathBuf = std::env::args().nth(1).unwrap_or_else(|| "/srv/landing".into()).into();

    let pool = db::make_pool().await?;
    let es = search::client()?;

    let watchman = Connector::new().connect().await?;
    let resolved = watchman.resolve_root(CanonicalPath::canonicalize(&root)?).await?;
    let (mut sub, _initial) = watchman
        .subscribe::<ManifestFile>(
            &resolved,
            SubscribeRequest {
                expression: Some(Expr::Suffix(vec![PathBuf::from("csv")])),
                ..Default::default()
            },
        )
        .await?;
    tracing::info!(root = %root.display(), "watching for manifests");

    loop {
        match sub.next().await? {
            SubscriptionData::FilesChanged(result) => {
                for file in result.files.unwrap_or_default() {
                    if !*file.exists {
                        continue;
                    }
                    let path = root.join(file.name.into_inner());
                    match load_file(&pool, &es, &path).await {
                        Ok(n) => tracing::info!(file = %path.display(), rows = n, "loaded"),
                        Err(e) => tracing::error!(file = %path.display(), error = %e, "load failed"),
                    }
                }
            }
            SubscriptionData::Canceled => {
                tracing::warn!("watchman subscription cancelled");
                break;
            }
            _ => {}
        }
    }
    pool.close().await;
    Ok(())
}
