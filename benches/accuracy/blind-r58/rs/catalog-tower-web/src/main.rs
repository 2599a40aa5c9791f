//! Catalog API. Everything expensive (the Postgres pool and the HTTP client
//! for the pricing service) is created here, once, and moved into the
//! resources; tower-web clones the resources per connection, which only
//! clones the handles.

#[macro_use]
extern crate tower_web;
#[macro_use]
extern crate serde_derive;
#[macro_use]
extern crate log;

mod db;
mod resources;

use std::env;
use std::time::Duration;

use tower_web::ServiceBuilder;

use crate::resources::{Catalog, Health};

fn main() {
    env_logger::init();

    let database_url = env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let pricing_url =
        env::var("PRICING_URL").unwrap_or_else(|_| "http://pricing.internal:9000".to_string());
    let addr = env::var("BIND")
        .unwrap_or_else(|_| "0.0.0.0:8080".to_string())
        .parse()
        .expect("invalid BIND address");

    let pool = db::make_pool(&database_url).expect("could not reach the catalog database");
    let pricing = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("failed to build HTTP client");

    info!("catalog listening on {}", addr);
    ServiceBuilder::new()
        .resource(Catalog::new(pool.clone(), pricing, pricing_url))
        .resource(Health::new(pool))
        .run(&addr)
        .unwrap();
}
