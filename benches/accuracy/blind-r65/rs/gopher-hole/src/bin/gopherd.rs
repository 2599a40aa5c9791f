use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;

use anyhow::Result;
use gopher_hole::db::{self, PgPool};
use gopher_hole::menu;

const HOST: &str = "gopher.example.org";
const PORT: u16 = 70;

fn respond(pool: &PgPool, selector: &str, query: Option<&str>) -> Result<String> {
    let mut conn = pool.get()?;
    let mut out = String::new();
    match selector {
        "" | "/" => {
            out += &menu::info("welcome to the hole. phlog below, search gopherspace at the bottom.");
            for row in conn.query("SELECT slug, title, posted_on::text FROM phlog_entries ORDER BY posted_on DESC LIMIT 30", &[])? {
                let (slug, title, day): (String, String, String) = (row.get(0), row.get(1), row.get(2));
                out += &menu::line('0', &format!("{day} {title}"), &format!("/phlog/{slug}"), HOST, PORT);
            }
            out += &menu::line('7', "search gopherspace", "/search", HOST, PORT);
        }
        "/search" => {
            let q = format!("%{}%", query.unwrap_or("").trim());
            for row in conn.query(
                "SELECT kind, display, selector, host, port FROM index_items WHERE display ILIKE $1 ORDER BY host LIMIT 200",
                &[&q],
            )? {
                let kind: String = row.get(0);
                let port: i32 = row.get(4);
                out += &menu::line(kind.chars().next().unwrap_or('0'), row.get(1), row.get(2), row.get(3), port as u16);
            }
        }
        s if s.starts_with("/phlog/") => {
            let slug = &s["/phlog/".len()..];
            match conn.query_opt("SELECT body FROM phlog_entries WHERE slug = $1", &[&slug])? {
                Some(row) => out += &row.get::<_, String>(0).replace('\n', "\r\n"),
                None => out += &menu::line('3', "no such entry", "", "error.host", 1),
            }
        }
        _ => out += &menu::line('3', "not found", "", "error.host", 1),
    }
    out += ".\r\n";
    Ok(out)
}

fn serve(pool: &PgPool, stream: TcpStream) -> Result<()> {
    let mut request = String::new();
    BufReader::new(&stream).read_line(&mut request)?;
    let request = request.trim_end_matches(['\r', '\n']);
    let (selector, query) = match request.split_once('\t') {
        Some((s, q)) => (s, Some(q)),
        None => (request, None),
    };
    let body = respond(pool, selector, query)?;
    (&stream).write_all(body.as_bytes())?;
    Ok(())
}

fn main() -> Result<()> {
    let pool = db::make_pool(8)?;
    let listener = TcpListener::bind(("0.0.0.0", PORT))?;
    for stream in listener.incoming() {
        let stream = stream?;
        let pool = pool.clone();
        thread::spawn(move || {
            if let Err(e) = serve(&pool, stream) {
                eprintln!("request failed: {e:#}");
            }
        });
    }
    Ok(())
}
