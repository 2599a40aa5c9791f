//! `cargo xtask <cmd>` — runs once per invocation and exits.

mod flags;

use std::time::Duration;

use postgres::{Client, NoTls};
use serde::Deserialize;

#[derive(Deserialize)]
struct FixtureProduct {
    sku: String,
    title: String,
    price_cents: i64,
    image_url: Option<String>,
}

fn main() -> anyhow::Result<()> {
    let flags = flags::Xtask::from_env_or_exit();
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "postgres://shop@localhost/shop_dev".into());

    // One connection per `cargo xtask` run.
    let mut db = Client::connect(&url, NoTls)?;
    let result = match flags.subcommand {
        flags::XtaskCmd::SeedDemo(cmd) => seed_demo(&mut db, &cmd.tenant, cmd.dry_run),
        flags::XtaskCmd::AuditImages(_) => audit_images(&mut db),
    };
    db.close()?;
    result
}

fn seed_demo(db: &mut Client, tenant: &str, dry_run: bool) -> anyhow::Result<()> {
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()?;
    let products: Vec<FixtureProduct> = http
        .get("https://fixtures.design.internal/catalogue/demo.json")
        .send()?
        .error_for_status()?
        .json()?;
    println!("{} products in fixture", products.len());
    if dry_run {
        return Ok(());
    }

    let mut tx = db.transaction()?;
    for p in &products {
        tx.execute(
            "INSERT INTO products (tenant, sku, title, price_cents, image_url)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (tenant, sku) DO UPDATE
                SET title = EXCLUDED.title, price_cents = EXCLUDED.price_cents, image_url = EXCLUDED.image_url",
            &[&tenant, &p.sku, &p.title, &p.price_cents, &p.image_url],
        )?;
    }
    tx.commit()?;
    println!("seeded {} products into {tenant}", products.len());
    Ok(())
}

fn audit_images(db: &mut Client) -> anyhow::Result<()> {
    for row in db.query("SELECT tenant, sku FROM products WHERE image_url IS NULL ORDER BY 1, 2", &[])? {
        let tenant: &str = row.get(0);
        let sku: &str = row.get(1);
        println!("{tenant}\t{sku}");
    }
    Ok(())
}
