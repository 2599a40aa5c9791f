//! gopher://phlog.hackspace.example/ — one short-lived thread per request
//! (a gopher request is one selector line, one response, then close).

use std::env;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::Duration;

use gopher_phlog::db::{self, PgPool};
use gopher_phlog::menu;

fn main() -> anyhow::Result<()> {
    let db_url = env::var("DATABASE_URL")?;
    let host = env::var("GOPHER_HOST").unwrap_or_else(|_| "localhost".into());
    let port: u16 = env::var("GOPHER_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(70);

    let pool = db::make_pool(&db_url, 8)?;
    let listener = TcpListener::bind(("0.0.0.0", port))?;
    eprintln!("gopherd listening on {port} as {host}");

    for stream in listener.incoming() {
        let stream = match stream {
            Ok(s) => s,
            Err(e) => {
                eprintln!("accept failed: {e}");
                continue;
            }
        };
        let pool = pool.clone();
        let host = host.clone();
        thread::spawn(move || {
            if let Err(e) = serve(stream, &pool, &host, port) {
                eprintln!("request failed: {e:#}");
            }
        });
    }
    Ok(())
}

fn serve(mut stream: TcpStream, pool: &PgPool, host: &str, port: u16) -> anyhow::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut request = String::new();
    BufReader::new(&stream).take(1024).read_line(&mut request)?;
    // Gopher+ clients append "\t+" etc.; the selector is the first field.
    let selector = request.trim_end_matches(['\r', '\n']).split('\t').next().unwrap_or("");

    let body = match selector {
        "" | "/" => menu::root(host, port),
        "/phlog" => {
            let mut conn = pool.get()?;
            menu::post_list(&mut conn, host, port)?
        }
        s if s.starts_with("/phlog/") => {
            let mut conn = pool.get()?;
            match menu::post(&mut conn, &s["/phlog/".len()..])? {
                Some(text) => text,
                None => menu::error("No such post"),
            }
        }
        _ => menu::error("Not found"),
    };
    stream.write_all(body.as_bytes())?;
    stream.write_all(b".\r\n")?;
    Ok(())
}
