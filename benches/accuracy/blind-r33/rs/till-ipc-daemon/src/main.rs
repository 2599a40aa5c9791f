mod inventory;
mod pricing;
mod protocol;

use std::{sync::Arc, thread};

use interprocess::local_socket::{prelude::*, GenericNamespaced, ListenerOptions};

pub struct Services {
    pub inventory: mysql::Pool,
    pub pricing: mysql::Pool,
    pub loyalty_url: String,
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let services = Arc::new(Services {
        inventory: inventory::init()?,
        pricing: pricing::init()?,
        loyalty_url: std::env::var("LOYALTY_URL")
            .unwrap_or_else(|_| "https://loyalty.internal/api/v2".into()),
    });

    let name = "till-daemon.sock".to_ns_name::<GenericNamespaced>()?;
    let listener = ListenerOptions::new().name(name).create_sync()?;
    log::info!("till daemon ready");

    for conn in listener.incoming() {
        let conn = match conn {
            Ok(c) => c,
            Err(e) => {
                log::warn!("accept failed: {e}");
                continue;
            }
        };
        let services = services.clone();
        thread::spawn(move || {
            if let Err(e) = protocol::serve(conn, &services) {
                log::warn!("till client session ended: {e}");
            }
        });
    }
    Ok(())
}
