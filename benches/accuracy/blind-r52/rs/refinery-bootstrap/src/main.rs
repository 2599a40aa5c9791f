//! `db-bootstrap`: run by the deploy pipeline (and by developers) once per
//! environment change. It waits for Postgres, applies migrations, loads the
//! reference data and exits.

mod seed;

use postgres::{Client, NoTls};
use std::time::Duration;

mod embedded {
    use refinery::embed_migrations;
    embed_migrations!("migrations");
}

fn connect_with_retry(url: &str) -> anyhow::Result<Client> {
    let mut attempt = 0;
    let client = loop {
        attempt += 1;
        match Client::connect(url, NoTls) {
            Ok(client) => break client,
            Err(e) if attempt < 20 => {
                eprintln!("postgres not reachable yet ({e}); retry {attempt}/20");
                std::thread::sleep(Duration::from_secs(3));
            }
            Err(e) => return Err(e.into()),
        }
    };
    Ok(client)
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let skip_seed = args.iter().any(|a| a == "--migrate-only");
    let url = std::env::var("DATABASE_URL")?;

    let mut client = connect_with_retry(&url)?;

    let report = embedded::migrations::runner().run(&mut client)?;
    for m in report.applied_migrations() {
        println!("applied {}", m);
    }

    if !skip_seed {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()?;
        let base = std::env::var("REFDATA_URL")
            .unwrap_or_else(|_| "https://refdata.internal.example/v1".into());

        let countries = seed::load_countries(&mut client, &http, &base)?;
        println!("upserted {countries} countries");

        for region in ["eu", "uk", "us", "apac"] {
            let rates = seed::load_tax_rates(&mut client, &http, &base, region)?;
            println!("upserted {rates} tax rates for {region}");
        }
    }

    client.close()?;
    Ok(())
}
