//! Protocol (send_chunk_header = true): for every block ClickHouse writes a line
//! with the row count, then that many TabSeparated rows; we must answer with
//! exactly that many rows. The process lives as long as the pool slot.

use std::io::{self, BufRead, BufWriter, Write};

mod lookup;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut lookup = lookup::Lookup::open()?;

    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut line = String::new();

    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            break; // ClickHouse closed the pipe: shutting down
        }
        let rows: usize = line.trim().parse()?;
        for _ in 0..rows {
            line.clear();
            input.read_line(&mut line)?;
            let tier = match line.trim().parse::<u64>() {
                Ok(id) => lookup.tier(id),
                Err(_) => "invalid".to_string(),
            };
            writeln!(out, "{tier}")?;
        }
        out.flush()?;
    }
    Ok(())
}
