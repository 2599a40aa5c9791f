//! NACHA fixed-width (94-character) records: 1 file header, 5 batch header,
//! 6 entry detail, 7 addenda, 8 batch control, 9 file control (9999 padding).
use anyhow::{bail, ensure, Context};

pub struct Entry {
    pub transaction_code: String,
    pub routing: String,
    pub account: String,
    pub amount: i64,
    pub individual_id: String,
    pub individual_name: String,
    pub trace: String,
    pub addenda: Option<String>,
}

pub struct Batch {
    pub number: i32,
    pub sec_code: String,
    pub company_id: String,
    pub entries: Vec<Entry>,
    control_debit: i64,
    control_credit: i64,
}

pub struct File {
    pub destination: String,
    pub origin: String,
    pub origin_name: String,
    pub created_on: String,
    pub batches: Vec<Batch>,
    pub total_debit: i64,
    pub total_credit: i64,
}

/// 1-based inclusive column range, as printed in the NACHA rules.
fn col(rec: &str, from: usize, to: usize) -> &str {
    rec.get(from - 1..to).unwrap_or("").trim()
}

fn num(rec: &str, from: usize, to: usize) -> anyhow::Result<i64> {
    let s = col(rec, from, to);
    s.parse().with_context(|| format!("columns {from}-{to}: {s:?} is not numeric"))
}

pub fn parse(raw: &str) -> anyhow::Result<File> {
    let mut file: Option<File> = None;
    for (i, rec) in raw.lines().enumerate() {
        if rec.trim().is_empty() || rec.starts_with("9999999999") {
            continue;
        }
        ensure!(rec.len() == 94, "line {}: record is {} characters, expected 94", i + 1, rec.len());
        match &rec[..1] {
            "1" => {
                file = Some(File {
                    destination: col(rec, 4, 13).to_string(),
                    origin: col(rec, 14, 23).to_string(),
                    created_on: col(rec, 24, 29).to_string(),
                    origin_name: col(rec, 64, 86).to_string(),
                    batches: Vec::new(),
                    total_debit: 0,
                    total_credit: 0,
                })
            }
            "5" => {
                let f = file.as_mut().context("batch header before file header")?;
                f.batches.push(Batch {
                    number: num(rec, 88, 94)? as i32,
                    sec_code: col(rec, 51, 53).to_string(),
                    company_id: col(rec, 41, 50).to_string(),
                    entries: Vec::new(),
                    control_debit: 0,
                    control_credit: 0,
                });
            }
            "6" => {
                let batch = file.as_mut().and_then(|f| f.batches.last_mut()).context("entry outside a batch")?;
                batch.entries.push(Entry {
                    transaction_code: col(rec, 2, 3).to_string(),
                    routing: format!("{}{}", col(rec, 4, 11), col(rec, 12, 12)),
                    account: col(rec, 13, 29).to_string(),
                    amount: num(rec, 30, 39)?,
                    individual_id: col(rec, 40, 54).to_string(),
                    individual_name: col(rec, 55, 76).to_string(),
                    trace: col(rec, 80, 94).to_string(),
                    addenda: None,
                });
            }
            "7" => {
                let entry = file
                    .as_mut()
                    .and_then(|f| f.batches.last_mut())
                    .and_then(|b| b.entries.last_mut())
                    .context("addenda without an entry")?;
                entry.addenda = Some(col(rec, 4, 83).to_string());
            }
            "8" => {
                let batch = file.as_mut().and_then(|f| f.batches.last_mut()).context("batch control outside a batch")?;
                batch.control_debit = num(rec, 21, 32)?;
                batch.control_credit = num(rec, 33, 44)?;
            }
            "9" => {
                let f = file.as_mut().context("file control before file header")?;
                f.total_debit = num(rec, 32, 43)?;
                f.total_credit = num(rec, 44, 55)?;
            }
            other => bail!("line {}: unknown record type {other:?}", i + 1),
        }
    }
    file.context("no file header record")
}

impl File {
    pub fn entry_count(&self) -> usize {
        self.batches.iter().map(|b| b.entries.len()).sum()
    }

    /// Debit transaction codes end in 6-9 (27, 37, ...), credits in 1-4 (22, 32, ...).
    pub fn check_totals(&self) -> anyhow::Result<()> {
        let (mut file_dr, mut file_cr) = (0, 0);
        for b in &self.batches {
            let (mut dr, mut cr) = (0, 0);
            for e in &b.entries {
                match e.transaction_code.chars().last() {
                    Some('6'..='9') => dr += e.amount,
                    Some('1'..='4') => cr += e.amount,
                    _ => {}
                }
            }
            ensure!(dr == b.control_debit && cr == b.control_credit, "batch {} totals do not match its control record", b.number);
            file_dr += dr;
            file_cr += cr;
        }
        ensure!(file_dr == self.total_debit && file_cr == self.total_credit, "file totals do not match the file control record");
        Ok(())
    }
}
