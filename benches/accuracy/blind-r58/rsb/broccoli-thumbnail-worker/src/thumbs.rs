use crate::clients;
use image::ImageFormat;
use std::io::Cursor;
use uuid::Uuid;

pub async fn fetch_original(http: &reqwest::Client, key: &str) -> anyhow::Result<Vec<u8>> {
    let bytes = http
        .get(format!("{}/{key}", clients::storage_base()))
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    Ok(bytes.to_vec())
}

pub fn render(original: &[u8], size: u32) -> anyhow::Result<Vec<u8>> {
    let img = image::load_from_memory(original)?;
    let thumb = img.thumbnail(size, size);
    let mut out = Cursor::new(Vec::new());
    thumb.write_to(&mut out, ImageFormat::WebP)?;
    Ok(out.into_inner())
}

pub async fn upload(
    http: &reqwest::Client,
    asset_id: &Uuid,
    size: u32,
    body: Vec<u8>,
) -> anyhow::Result<String> {
    let key = clients::thumb_key(asset_id, size);
    http.put(format!("{}/{key}", clients::storage_base()))
        .header("content-type", "image/webp")
        .body(body)
        .send()
        .await?
        .error_for_status()?;
    Ok(key)
}
