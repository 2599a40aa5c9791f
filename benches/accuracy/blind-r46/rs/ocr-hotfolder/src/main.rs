//! Watches the scanner's SMB drop folder, OCRs every new PDF/TIFF page image
//! with Tesseract and stores the text next to the matching invoice.

mod notify;
mod store;

use std::path::{Path, PathBuf};
use std::time::Duration;

use leptess::LepTess;

fn invoice_number(text: &str) -> Option<&str> {
    text.split_whitespace()
        .find(|w| w.starts_with("INV-") && w.len() > 6)
}

fn process(ocr: &mut LepTess, pool: &mysql::Pool, path: &Path, webhook: &str) -> anyhow::Result<()> {
    ocr.set_image(path)?;
    let text = ocr.get_utf8_text()?;
    let confidence = ocr.mean_text_conf();
    let file = path.file_name().and_then(|f| f.to_str()).unwrap_or_default();
    let invoice_no = invoice_number(&text);
    store::save(pool, &store::Extracted { file, text: &text, invoice_no, confidence })?;
    if confidence < 60 || invoice_no.is_none() {
        notify::needs_review(webhook, file, &format!("confidence {confidence}"));
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let inbox = PathBuf::from(std::env::var("SCAN_INBOX").unwrap_or_else(|_| "/srv/scans/inbox".into()));
    let done = inbox.join("../done");
    let webhook = std::env::var("REVIEW_WEBHOOK")?;

    let pool = store::connect(&std::env::var("DATABASE_URL")?)?;
    let mut ocr = LepTess::new(None, "eng+deu")?;

    loop {
        for entry in std::fs::read_dir(&inbox)? {
            let path = entry?.path();
            let is_image = matches!(path.extension().and_then(|e| e.to_str()), Some("tif" | "tiff" | "png" | "jpg"));
            if !is_image {
                continue;
            }
            match process(&mut ocr, &pool, &path, &webhook) {
                Ok(()) => {
                    let target = done.join(path.file_name().unwrap());
                    std::fs::rename(&path, target)?;
                }
                Err(e) => eprintln!("{}: {e:#}", path.display()),
            }
        }
        std::thread::sleep(Duration::from_secs(5));
    }
}
