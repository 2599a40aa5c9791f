//! SCGI backend for nginx `scgi_pass`: one thread per connection, one
//! request per connection (SCGI closes after the response).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;

use mysql::prelude::Queryable;
use mysql::Pool;

fn read_netstring_headers(reader: &mut BufReader<TcpStream>) -> anyhow::Result<HashMap<String, String>> {
    let mut len_buf = Vec::new();
    reader.read_until(b':', &mut len_buf)?;
    len_buf.pop();
    let len: usize = std::str::from_utf8(&len_buf)?.parse()?;
    let mut raw = vec![0u8; len];
    reader.read_exact(&mut raw)?;
    let mut comma = [0u8; 1];
    reader.read_exact(&mut comma)?;

    let mut parts = raw.split(|b| *b == 0);
    let mut headers = HashMap::new();
    while let (Some(k), Some(v)) = (parts.next(), parts.next()) {
        if k.is_empty() {
            break;
        }
        headers.insert(String::from_utf8_lossy(k).into_owned(), String::from_utf8_lossy(v).into_owned());
    }
    Ok(headers)
}

fn respond(stream: &mut TcpStream, status: &str, extra: &str, body: &str) -> std::io::Result<()> {
    write!(stream, "Status: {status}\r\n{extra}Content-Type: text/plain\r\n\r\n{body}")
}

fn serve(stream: TcpStream, pool: Pool) -> anyhow::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let headers = read_netstring_headers(&mut reader)?;
    let mut out = stream;

    let uri = headers.get("DOCUMENT_URI").map(String::as_str).unwrap_or("/");
    let Some(code) = uri.strip_prefix("/s/") else {
        respond(&mut out, "404 Not Found", "", "not found")?;
        return Ok(());
    };

    let mut conn = pool.get_conn()?;
    let target: Option<String> = conn.exec_first(
        "SELECT target FROM links WHERE code = ? AND (expires_at IS NULL OR expires_at > NOW())",
        (code,),
    )?;
    match target {
        Some(url) => {
            conn.exec_drop("UPDATE links SET hits = hits + 1 WHERE code = ?", (code,))?;
            respond(&mut out, "302 Found", &format!("Location: {url}\r\n"), "")?;
        }
        None => respond(&mut out, "404 Not Found", "", "unknown link")?,
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let pool = scgi_shortlinks::db::make_pool(20)?;
    let listener = TcpListener::bind("127.0.0.1:4000")?;
    eprintln!("shortlinks SCGI on 127.0.0.1:4000");

    for stream in listener.incoming() {
        let stream = match stream {
            Ok(s) => s,
            Err(e) => {
                eprintln!("accept failed: {e}");
                continue;
            }
        };
        let pool = pool.clone();
        thread::spawn(move || {
            if let Err(e) = serve(stream, pool) {
                eprintln!("request failed: {e:#}");
            }
        });
    }
    Ok(())
}
