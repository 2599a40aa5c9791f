pub mod db {
    use std::thread;
    use std::time::Duration;

    use postgres::{Client, NoTls};

    pub fn dsn() -> String {
        std::env::var("SHOPSTATS_DSN").unwrap_or_else(|_| "postgres://stats@db.shop.internal/shop".into())
    }

    /// Each process calls this once when it starts (and the bar again only if
    /// the server dropped its connection). Retries while the VPN comes up.
    pub fn connect_with_retry(attempts: u32) -> Result<Client, postgres::Error> {
        let mut tries = 0;
        loop {
            tries += 1;
            match Client::connect(&dsn(), NoTls) {
                Ok(client) => return Ok(client),
                Err(e) if tries < attempts => {
                    eprintln!("shopstats: database unreachable ({tries}/{attempts}): {e}");
                    thread::sleep(Duration::from_secs(5));
                }
                Err(e) => return Err(e),
            }
        }
    }
}

pub mod stats {
    use postgres::Client;

    pub struct Today {
        pub orders: i64,
        pub revenue_cents: i64,
    }

    pub fn today(client: &mut Client) -> Result<Today, postgres::Error> {
        let row = client.query_one(
            "SELECT count(*), COALESCE(sum(total_cents), 0)::bigint FROM orders WHERE created_at >= current_date",
            &[],
        )?;
        Ok(Today { orders: row.get(0), revenue_cents: row.get(1) })
    }
}
