mod discovery;
mod services;

use std::env;
use std::sync::Arc;
use std::time::Duration;

use zeroconf::prelude::*;
use zeroconf::{MdnsBrowser, ServiceType};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db_url = env::var("REGISTRY_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://registry:registry@registry-db:5432/registry".to_string());
    let site = env::var("SITE_CODE").unwrap_or_else(|_| "WH-NORTH".to_string());

    // connections are made here, once; the callback only borrows them
    let services = Arc::new(services::Services::connect(&db_url, site)?);

    let mut browser = MdnsBrowser::new(ServiceType::new("ipp", "tcp")?);
    browser.set_service_discovered_callback(Box::new(discovery::on_service_discovered));
    browser.set_context(Box::new(services.clone()));

    let event_loop = browser.browse_services()?;
    println!("browsing for _ipp._tcp printers");

    let mut ticks: u64 = 0;
    loop {
        // poll() drives the Avahi/Bonjour callbacks on this thread
        event_loop.poll(Duration::from_millis(500))?;
        ticks += 1;
        if ticks % 1200 == 0 {
            match services.mark_missing(Duration::from_secs(30 * 60)) {
                Ok(n) if n > 0 => println!("{} printers not seen for 30 minutes", n),
                Ok(_) => {}
                Err(err) => eprintln!("could not mark missing printers: {}", err),
            }
        }
    }
}
