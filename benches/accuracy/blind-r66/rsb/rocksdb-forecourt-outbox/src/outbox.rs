//! Durable FIFO of pump sales, keyed by a big-endian sequence number.
use std::sync::atomic::{AtomicU64, Ordering};

use rocksdb::{IteratorMode, Options, WriteBatch, DB};
use serde::Deserialize;
use sqlx::PgPool;

#[derive(Deserialize)]
struct Sale {
    pump: i16,
    nozzle: i16,
    grade: String,
    litres: f64,
    amount_cents: i64,
    completed_at: String,
}

pub struct Outbox {
    db: DB,
    next_seq: AtomicU64,
    pending: AtomicU64,
}

impl Outbox {
    pub fn open(path: &str) -> Result<Outbox, rocksdb::Error> {
        let mut opts = Options::default();
        opts.create_if_missing(true);
        let db = DB::open(&opts, path)?;
        let last = match db.iterator(IteratorMode::End).next() {
            Some(Ok((k, _))) => u64::from_be_bytes(k[..8].try_into().unwrap_or([0; 8])),
            _ => 0,
        };
        let pending = db.iterator(IteratorMode::Start).count() as u64;
        Ok(Outbox { db, next_seq: AtomicU64::new(last + 1), pending: AtomicU64::new(pending) })
    }

    pub fn append(&self, raw: &[u8]) -> Result<(), rocksdb::Error> {
        let seq = self.next_seq.fetch_add(1, Ordering::SeqCst);
        self.db.put(seq.to_be_bytes(), raw)?;
        self.pending.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    pub fn pending(&self) -> u64 {
        self.pending.load(Ordering::Relaxed)
    }

    /// Sends the oldest `limit` sales in one transaction; only once head office
    /// has committed are they deleted locally (at-least-once, deduplicated by
    /// the (site, seq) primary key on the other side).
    pub async fn forward_batch(&self, pool: &PgPool, site: &str, limit: usize) -> anyhow::Result<usize> {
        let mut items = Vec::new();
        for item in self.db.iterator(IteratorMode::Start).take(limit) {
            let (key, value) = item?;
            items.push((key, value));
        }
        if items.is_empty() {
            return Ok(0);
        }

        let mut tx = pool.begin().await?;
        for (key, value) in &items {
            let seq = i64::from_be_bytes(key[..8].try_into()?);
            let sale: Sale = match serde_json::from_slice(value) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("outbox: seq {seq} is not a valid sale ({e}); parking it");
                    sqlx::query("INSERT INTO site_sale_rejects (site_id, seq, raw) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                        .bind(site)
                        .bind(seq)
                        .bind(String::from_utf8_lossy(value).into_owned())
                        .execute(&mut *tx)
                        .await?;
                    continue;
                }
            };
            sqlx::query(
                "INSERT INTO site_sale (site_id, seq, pump, nozzle, grade, litres, amount_cents, completed_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz)
                 ON CONFLICT (site_id, seq) DO NOTHING",
            )
            .bind(site)
            .bind(seq)
            .bind(sale.pump)
            .bind(sale.nozzle)
            .bind(&sale.grade)
            .bind(sale.litres)
            .bind(sale.amount_cents)
            .bind(&sale.completed_at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;

        let mut wb = WriteBatch::default();
        for (key, _) in &items {
            wb.delete(key);
        }
        self.db.write(wb)?;
        self.pending.fetch_sub(items.len() as u64, Ordering::Relaxed);
        Ok(items.len())
    }
}
