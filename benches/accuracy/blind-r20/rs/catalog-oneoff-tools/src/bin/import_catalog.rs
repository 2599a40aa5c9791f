//! import-catalog --dir ./export [--dry-run]
//! Walks a supplier export directory and upserts every product JSON file.
use std::path::PathBuf;

use serde::Deserialize;
use walkdir::WalkDir;

#[derive(Deserialize)]
struct Product {
    sku: String,
    title: String,
    price_cents: i64,
    image: Option<String>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut dir = PathBuf::from(".");
    let mut dry_run = false;
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            lexopt::Arg::Long("dir") => dir = parser.value()?.into(),
            lexopt::Arg::Long("dry-run") => dry_run = true,
            other => return Err(other.unexpected().into()),
        }
    }

    // One pool and one S3 client for the whole run.
    let pool = catalog_tools::connect_catalog_db().await?;
    let s3 = catalog_tools::s3().await;

    let mut imported = 0u64;
    for entry in WalkDir::new(&dir).into_iter().filter_map(Result::ok) {
        if entry.path().extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let product: Product = serde_json::from_slice(&std::fs::read(entry.path())?)?;
        if dry_run {
            println!("would import {}", product.sku);
            continue;
        }
        if let Some(image) = &product.image {
            let body = aws_sdk_s3::primitives::ByteStream::from_path(entry.path().with_file_name(image)).await?;
            s3.put_object()
                .bucket("catalog-images")
                .key(format!("products/{}/{image}", product.sku))
                .body(body)
                .send()
                .await?;
        }
        sqlx::query(
            "INSERT INTO products (sku, title, price_cents) VALUES ($1, $2, $3)
             ON CONFLICT (sku) DO UPDATE SET title = EXCLUDED.title, price_cents = EXCLUDED.price_cents",
        )
        .bind(&product.sku)
        .bind(&product.title)
        .bind(product.price_cents)
        .execute(&pool)
        .await?;
        imported += 1;
    }

    pool.close().await;
    println!("imported {imported} products from {}", dir.display());
    Ok(())
}
