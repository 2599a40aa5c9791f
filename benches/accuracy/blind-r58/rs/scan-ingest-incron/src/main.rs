//! scan-ingest: started by incrond for a single file event
//! (`scan-ingest <watched dir> <file name> <event>`), see deploy/incrontab.
//! The warehouse scanners drop PDFs into /srv/scans/inbox over SMB; each
//! completed file becomes one short-lived process.

mod record;
mod upload;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};

fn is_scan(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    !lower.starts_with('.') && !lower.ends_with(".tmp") && (lower.ends_with(".pdf") || lower.ends_with(".tif"))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let (dir, name, event) = match (args.next(), args.next(), args.next()) {
        (Some(d), Some(n), Some(e)) => (d, n, e),
        _ => bail!("usage: scan-ingest <dir> <file> <event>"),
    };
    if !is_scan(&name) {
        return Ok(());
    }

    let path: PathBuf = Path::new(&dir).join(&name);
    let bytes = tokio::fs::read(&path)
        .await
        .with_context(|| format!("reading {}", path.display()))?;
    let digest = hex::encode(Sha256::digest(&bytes));

    let s3 = upload::client().await;
    let key = upload::put_scan(&s3, &digest, &name, bytes.clone()).await?;

    record::register(&name, &key, &digest, bytes.len() as i64, &event).await?;

    let done_dir = Path::new(&dir).with_file_name("processed");
    tokio::fs::create_dir_all(&done_dir).await?;
    tokio::fs::rename(&path, done_dir.join(&name)).await?;

    println!("ingested {name} as {key}");
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn filters_temp_files() {
        assert!(super::is_scan("DN-48812.pdf"));
        assert!(!super::is_scan(".~lock.DN-48812.pdf"));
        assert!(!super::is_scan("DN-48812.pdf.tmp"));
    }
}
