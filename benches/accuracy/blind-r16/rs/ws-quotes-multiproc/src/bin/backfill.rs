//! One-off: load historical quotes from a CSV export (symbol,price_micros,quoted_ms).
//!     cargo run --bin backfill -- history.csv

use std::fs::File;
use std::io::{BufRead, BufReader};

use diesel::prelude::*;
use quotefeed::db;
use quotefeed::models::NewQuote;
use quotefeed::schema::quotes;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: backfill FILE.csv")?;
    let mut conn = PgConnection::establish(&db::database_url())?;

    let reader = BufReader::new(File::open(&path)?);
    let mut batch = Vec::with_capacity(1000);
    let mut total = 0usize;
    for line in reader.lines().skip(1) {
        let line = line?;
        let mut cols = line.split(',');
        let (Some(symbol), Some(price), Some(ts)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        batch.push(NewQuote { symbol: symbol.to_string(), price_micros: price.parse()?, quoted_ms: ts.parse()? });
        if batch.len() == 1000 {
            total += diesel::insert_into(quotes::table).values(&batch).execute(&mut conn)?;
            batch.clear();
        }
    }
    if !batch.is_empty() {
        total += diesel::insert_into(quotes::table).values(&batch).execute(&mut conn)?;
    }
    println!("inserted {total} quotes from {path}");
    Ok(())
}
