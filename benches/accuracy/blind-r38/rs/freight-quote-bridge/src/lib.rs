//! Rating core for the quote service. The C++ server calls `freight::init`
//! once before it starts listening and `freight::quote` from its request
//! handlers (one call per /quote request, on Drogon's IO threads).

mod carriers;

use std::error::Error;
use std::sync::OnceLock;

use r2d2::Pool;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;

#[cxx::bridge(namespace = "freight")]
mod ffi {
    struct Quote {
        carrier: String,
        service: String,
        cents: i64,
        eta_days: u32,
    }

    extern "Rust" {
        fn init(database_url: &str) -> Result<()>;
        fn quote(tenant: &str, origin_zip: &str, dest_zip: &str, weight_grams: u32) -> Result<Vec<Quote>>;
    }
}

struct Shared {
    pool: Pool<PostgresConnectionManager<NoTls>>,
}

static SHARED: OnceLock<Shared> = OnceLock::new();

fn init(database_url: &str) -> Result<(), Box<dyn Error>> {
    let manager = PostgresConnectionManager::new(database_url.parse()?, NoTls);
    let pool = Pool::builder().max_size(12).build(manager)?;
    SHARED
        .set(Shared { pool })
        .map_err(|_| "freight::init called twice".into())
}

fn quote(tenant: &str, origin_zip: &str, dest_zip: &str, weight_grams: u32) -> Result<Vec<ffi::Quote>, Box<dyn Error>> {
    let shared = SHARED.get().ok_or("freight::init has not been called")?;

    let contracts = {
        let mut conn = shared.pool.get()?;
        conn.query(
            "SELECT carrier, api_base, api_key, markup_bp, egress_proxy \
             FROM tenant_carriers WHERE tenant = $1 AND enabled ORDER BY priority",
            &[&tenant],
        )?
    };

    let mut quotes = Vec::new();
    for row in contracts {
        let carrier: String = row.get("carrier");
        let api_base: String = row.get("api_base");
        let api_key: String = row.get("api_key");
        let markup_bp: i32 = row.get("markup_bp");
        let egress_proxy: Option<String> = row.get("egress_proxy");

        let agent = carriers::agent_for(tenant, egress_proxy.as_deref())?;
        match carriers::rates(&agent, &api_base, &api_key, origin_zip, dest_zip, weight_grams) {
            Ok(rates) => quotes.extend(rates.into_iter().map(|r| ffi::Quote {
                carrier: carrier.clone(),
                service: r.service,
                cents: r.cents + r.cents * i64::from(markup_bp) / 10_000,
                eta_days: r.eta_days,
            })),
            Err(err) => eprintln!("freight: {carrier} rating failed for {tenant}: {err}"),
        }
    }
    quotes.sort_by_key(|q| q.cents);
    Ok(quotes)
}
