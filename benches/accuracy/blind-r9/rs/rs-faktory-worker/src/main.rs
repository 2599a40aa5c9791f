//! Faktory worker: consumes "invoice.render" and "invoice.reindex" jobs.

mod jobs;

use std::env;
use std::io;
use std::sync::Arc;

use faktory::ConsumerBuilder;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

fn main() {
    let billing_url = env::var("BILLING_DATABASE_URL").expect("BILLING_DATABASE_URL");
    let manager = PostgresConnectionManager::new(billing_url.parse().expect("bad url"), NoTls);
    let billing = Arc::new(r2d2::Pool::builder().max_size(120).build(manager).expect("billing pool"));

    let mut c = ConsumerBuilder::default();
    c.workers(8);

    let pool = billing.clone();
    c.register("invoice.render", move |job| -> io::Result<()> {
        jobs::render_invoice(&pool, job.args())
    });

    c.register("invoice.reindex", |job| -> io::Result<()> {
        jobs::reindex_customer(job.args())
    });

    let mut c = c.connect(None).expect("connect to faktory");
    if let Err(e) = c.run(&["default", "billing"]) {
        eprintln!("worker failed: {e}");
    }
}
