//! Raw HTML snapshots for the pricing analysts, kept in MongoDB.

use bson::doc;
use mongodb::Client;

const MAX_HTML: usize = 512 * 1024;

fn trim(html: &str) -> &str {
    if html.len() <= MAX_HTML {
        return html;
    }
    let mut end = MAX_HTML;
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    &html[..end]
}

/// Stores one page snapshot. Called for every crawled product.
pub async fn store(uri: &str, sku: &str, url: &str, html: &str) -> mongodb::error::Result<()> {
    let client = Client::with_uri_str(uri).await?;

    let coll = client
        .database("pricing")
        .collection::<bson::Document>("page_snapshots");
    coll.insert_one(doc! {
        "sku": sku,
        "url": url,
        "html": trim(html),
        "captured_at": bson::DateTime::now(),
    })
    .await?;
    Ok(())
}
