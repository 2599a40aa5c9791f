//! `finger alice@staff.uni.example` / `finger @staff.uni.example`.
//!
//! The IT department has run a finger service since the 90s; this replaces the
//! old fingerd + shell script. One thread per query (finger is one request per
//! TCP connection), all threads share the directory pool built at start-up.
mod directory;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use mysql::Pool;

const MAX_QUERY: usize = 512;
const MAX_THREADS: usize = 64;

fn main() -> anyhow::Result<()> {
    let url = std::env::var("DIRECTORY_DB_URL")?;
    let pool = directory::connect_with_retry(&url, 5)?;

    let listener = TcpListener::bind("0.0.0.0:79")?;
    let active = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        if active.load(std::sync::atomic::Ordering::SeqCst) >= MAX_THREADS {
            let _ = (&stream).write_all(b"finger: server busy, try again shortly\r\n");
            continue;
        }
        let pool = pool.clone();
        let active = std::sync::Arc::clone(&active);
        active.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        std::thread::spawn(move || {
            if let Err(e) = answer(&pool, stream) {
                eprintln!("fingerd: {e:#}");
            }
            active.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
        });
    }
    Ok(())
}

fn answer(pool: &Pool, stream: TcpStream) -> anyhow::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut line = String::new();
    BufReader::new(stream.try_clone()?).take(MAX_QUERY as u64).read_line(&mut line)?;
    let mut out = stream;

    let mut query = line.trim_end_matches(['\r', '\n']).trim();
    let verbose = query.starts_with("/W");
    if verbose {
        query = query[2..].trim_start();
    }

    if query.contains('@') {
        // RFC 1288 section 3.2.1: forwarding is off unless explicitly enabled.
        out.write_all(b"finger: forwarding service denied\r\n")?;
        return Ok(());
    }

    let mut conn = pool.get_conn()?;
    let text = if query.is_empty() {
        directory::on_duty(&mut conn)?
    } else {
        match directory::lookup(&mut conn, query, verbose)? {
            Some(t) => t,
            None => format!("finger: {query}: no such user.\r\n"),
        }
    };
    out.write_all(text.as_bytes())?;
    Ok(())
}
