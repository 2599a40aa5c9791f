//! Interactive support console: pick a tenant, pick an action, repeat until Quit.
mod tenants;

use std::time::Duration;

use inquire::{Confirm, Select, Text};
use reqwest::blocking::Client as Http;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use tenants::Tenant;

const REGISTRY: &str = "https://control-plane.internal/api/tenants";

fn fetch_tenants(http: &Http) -> reqwest::Result<Vec<Tenant>> {
    http.get(REGISTRY).send()?.error_for_status()?.json()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let token = std::env::var("OPS_TOKEN")?;
    let mut headers = HeaderMap::new();
    headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("Bearer {token}"))?);
    let http = Http::builder()
        .timeout(Duration::from_secs(15))
        .default_headers(headers)
        .build()?;
    let tenants = fetch_tenants(&http)?;
    let slugs: Vec<String> = tenants.iter().map(|t| t.slug.clone()).collect();

    loop {
        let slug = Select::new("Tenant:", slugs.clone()).prompt()?;
        let tenant = tenants.iter().find(|t| t.slug == slug).expect("listed tenant").clone();

        let action = Select::new("Action:", vec!["User count", "Disable user", "Purge CDN cache", "Quit"]).prompt()?;
        match action {
            "User count" => match tenants::user_count(&tenant) {
                Ok(n) => println!("{slug}: {n} active users"),
                Err(e) => eprintln!("{slug}: {e}"),
            },
            "Disable user" => {
                let email = Text::new("Email:").prompt()?;
                if Confirm::new(&format!("Disable {email} on {slug}?")).with_default(false).prompt()? {
                    match tenants::disable_user(&tenant, &email) {
                        Ok(true) => println!("disabled"),
                        Ok(false) => println!("no such user"),
                        Err(e) => eprintln!("{e}"),
                    }
                }
            }
            "Purge CDN cache" => {
                let resp = http.post(format!("{REGISTRY}/{slug}/cdn/purge")).send()?;
                println!("purge: {}", resp.status());
            }
            _ => break,
        }
    }
    Ok(())
}
