use std::time::Duration;

use mysql::prelude::Queryable;
use mysql::{params, Pool, TxOpts};

/// Called once from main. The scanner NAS boots faster than the DB VM after
/// a power cut, so wait for MySQL instead of crash-looping.
pub fn connect(url: &str) -> anyhow::Result<Pool> {
    let mut tries = 0;
    let pool = loop {
        match Pool::new(url) {
            Ok(pool) => break pool,
            Err(e) if tries < 20 => {
                tries += 1;
                eprintln!("mysql not ready ({e}), retry {tries}/20");
                std::thread::sleep(Duration::from_secs(5));
            }
            Err(e) => return Err(e.into()),
        }
    };
    Ok(pool)
}

pub struct Extracted<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub invoice_no: Option<&'a str>,
    pub confidence: i32,
}

pub fn save(pool: &Pool, doc: &Extracted) -> anyhow::Result<()> {
    let mut conn = pool.get_conn()?;
    let mut tx = conn.start_transaction(TxOpts::default())?;
    tx.exec_drop(
        "INSERT INTO scanned_documents (file_name, full_text, confidence, scanned_at)
         VALUES (:file, :text, :conf, NOW())",
        params! { "file" => doc.file, "text" => doc.text, "conf" => doc.confidence },
    )?;
    let doc_id = tx.last_insert_id().ok_or_else(|| anyhow::anyhow!("no insert id"))?;
    if let Some(no) = doc.invoice_no {
        tx.exec_drop(
            "UPDATE invoices SET scan_id = :id WHERE invoice_no = :no AND scan_id IS NULL",
            params! { "id" => doc_id, "no" => no },
        )?;
    }
    tx.commit()?;
    Ok(())
}
