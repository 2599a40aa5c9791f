use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::thread;
use std::time::Duration;

use anyhow::{Context, Result};
use gopher_hole::db::{self, PgPool};
use gopher_hole::menu;

fn fetch_menu(host: &str, port: u16) -> Result<String> {
    let addr = (host, port).to_socket_addrs()?.next().context("no address")?;
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(10))?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    stream.write_all(b"\r\n")?;
    let mut body = String::new();
    stream.take(1 << 20).read_to_string(&mut body)?;
    Ok(body)
}

fn crawl_one(pool: &PgPool, hole_id: i64, host: &str, port: u16) -> Result<usize> {
    let items = menu::parse(&fetch_menu(host, port)?);
    let mut conn = pool.get()?;
    let mut tx = conn.transaction()?;
    tx.execute("DELETE FROM index_items WHERE hole_id = $1", &[&hole_id])?;
    for it in &items {
        tx.execute(
            "INSERT INTO index_items (hole_id, kind, display, selector, host, port) VALUES ($1, $2, $3, $4, $5, $6)",
            &[&hole_id, &it.kind.to_string(), &it.display, &it.selector, &it.host, &(it.port as i32)],
        )?;
    }
    tx.execute("UPDATE holes SET last_crawled = now(), item_count = $2 WHERE id = $1", &[&hole_id, &(items.len() as i32)])?;
    tx.commit()?;
    Ok(items.len())
}

fn main() -> Result<()> {
    let pool = db::make_pool(2)?;
    loop {
        let due = pool.get()?.query(
            "SELECT id, host, port FROM holes WHERE last_crawled IS NULL OR last_crawled < now() - interval '1 day' LIMIT 50",
            &[],
        )?;
        for row in due {
            let (id, host, port): (i64, String, i32) = (row.get(0), row.get(1), row.get(2));
            match crawl_one(&pool, id, &host, port as u16) {
                Ok(n) => eprintln!("{host}:{port}: {n} items"),
                Err(e) => eprintln!("{host}:{port}: {e:#}"),
            }
        }
        thread::sleep(Duration::from_secs(600));
    }
}
