//! Beanstalkd worker for the billing PDF pipeline. Watches the `render` and
//! `reports` tubes, one job at a time, forever.

use std::thread::sleep;
use std::time::Duration;

use beanstalkc::Beanstalkc;
use log::{error, info, warn};

mod db;
mod jobs;

fn connect_queue() -> Beanstalkc {
    let host = std::env::var("BEANSTALKD_HOST").unwrap_or_else(|_| "127.0.0.1".into());
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        match Beanstalkc::new()
            .host(&host)
            .port(11300)
            .connection_timeout(Some(Duration::from_secs(3)))
            .connect()
        {
            Ok(conn) => break conn,
            Err(e) if attempt < 20 => {
                warn!("beanstalkd not ready ({e}), retry {attempt}/20");
                sleep(Duration::from_secs(2));
            }
            Err(e) => panic!("giving up on beanstalkd: {e}"),
        }
    }
}

fn main() {
    env_logger::init();

    let pool = db::make_pool().expect("billing database unreachable");
    db::check_schema(&pool).expect("schema check");
    let mut queue = connect_queue();
    queue.watch("render").expect("watch render");
    queue.watch("reports").expect("watch reports");
    queue.ignore("default").ok();
    info!("pdf-worker ready");

    loop {
        let mut job = match queue.reserve_with_timeout(Duration::from_secs(30)) {
            Ok(job) => job,
            Err(_) => continue, // TIMED_OUT: nothing queued
        };
        let body = job.body().to_vec();
        let result = match serde_json::from_slice::<jobs::Envelope>(&body) {
            Ok(jobs::Envelope::RenderInvoice { invoice_id }) => jobs::render_invoice(&pool, invoice_id),
            Ok(jobs::Envelope::MonthlyReport { account_id, month }) => jobs::monthly_report(&pool, account_id, &month),
            Err(e) => {
                error!("job {}: bad payload: {e}", job.id());
                job.bury_default().ok();
                continue;
            }
        };
        match result {
            Ok(()) => {
                job.delete().ok();
            }
            Err(e) => {
                error!("job {} failed: {e}", job.id());
                job.release(1024, Duration::from_secs(60)).ok();
            }
        }
    }
}
