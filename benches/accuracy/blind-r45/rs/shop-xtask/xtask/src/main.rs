//! Developer tasks: `cargo xtask dev-db` brings up the local Postgres with
//! docker compose, migrates it and loads the demo catalogue; `cargo xtask
//! reset-db` throws it away. Runs once per invocation and exits.

use std::env;
use std::thread::sleep;
use std::time::Duration;

use anyhow::{bail, Context};
use postgres::{Client, NoTls};
use serde::Deserialize;
use xshell::{cmd, Shell};

const LOCAL_DB: &str = "postgres://shop:shop@localhost:55432/shop";
const FIXTURES_URL: &str = "https://fixtures.shop-dev.example.com/catalogue-v7.json";

#[derive(Deserialize)]
struct Product {
    sku: String,
    title: String,
    price_cents: i64,
    stock: i32,
    tags: Vec<String>,
}

fn main() -> anyhow::Result<()> {
    let task = env::args().nth(1).unwrap_or_default();
    let sh = Shell::new()?;
    match task.as_str() {
        "dev-db" => dev_db(&sh),
        "reset-db" => {
            cmd!(sh, "docker compose down -v db").run()?;
            Ok(())
        }
        other => bail!("unknown task {other:?}; try `dev-db` or `reset-db`"),
    }
}

fn dev_db(sh: &Shell) -> anyhow::Result<()> {
    cmd!(sh, "docker compose up -d db").run()?;

    // The container takes a few seconds to accept connections.
    let mut client = None;
    for attempt in 1..=30 {
        match Client::connect(LOCAL_DB, NoTls) {
            Ok(c) => {
                client = Some(c);
                break;
            }
            Err(e) => {
                eprintln!("waiting for postgres ({attempt}/30): {e}");
                sleep(Duration::from_secs(1));
            }
        }
    }
    let mut client = client.context("postgres did not come up")?;

    cmd!(sh, "sqlx migrate run --database-url {LOCAL_DB}").run()?;

    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()?;
    let products: Vec<Product> = http.get(FIXTURES_URL).send()?.error_for_status()?.json()?;

    let mut tx = client.transaction()?;
    tx.batch_execute("TRUNCATE products, product_tags RESTART IDENTITY CASCADE")?;
    let insert = tx.prepare(
        "INSERT INTO products (sku, title, price_cents, stock) VALUES ($1, $2, $3, $4) RETURNING id",
    )?;
    let tag = tx.prepare("INSERT INTO product_tags (product_id, tag) VALUES ($1, $2)")?;
    for p in &products {
        let row = tx.query_one(&insert, &[&p.sku, &p.title, &p.price_cents, &p.stock])?;
        let id: i64 = row.get(0);
        for t in &p.tags {
            tx.execute(&tag, &[&id, t])?;
        }
    }
    tx.commit()?;

    println!("loaded {} demo products into {LOCAL_DB}", products.len());
    client.close()?;
    Ok(())
}
