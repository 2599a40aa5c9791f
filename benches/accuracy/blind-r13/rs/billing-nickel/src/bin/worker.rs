use std::thread::sleep;
use std::time::Duration;

use billing_nickel::db;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Wait for Postgres on start-up; the pool is built once and then reused.
    let mut attempt = 0;
    let pool = loop {
        match db::make_pool(4) {
            Ok(pool) => break pool,
            Err(e) if attempt < 20 => {
                attempt += 1;
                eprintln!("worker: database not ready ({e}), retry {attempt}");
                sleep(Duration::from_secs(3));
            }
            Err(e) => return Err(e),
        }
    };

    loop {
        let mut conn = pool.get()?;
        let mut tx = conn.transaction()?;
        let job = tx.query_opt(
            "SELECT id, payload FROM jobs WHERE kind = 'invoice_run' AND done_at IS NULL \
             ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
            &[],
        )?;
        let Some(job) = job else {
            drop(tx);
            drop(conn);
            sleep(Duration::from_secs(2));
            continue;
        };
        let job_id: i64 = job.get(0);
        let customer: String = job.get(1);

        tx.execute(
            "INSERT INTO invoices (customer, total_cents, status) \
             SELECT customer, SUM(cents), 'open' FROM usage WHERE customer = $1 AND invoiced = false GROUP BY customer",
            &[&customer],
        )?;
        tx.execute("UPDATE usage SET invoiced = true WHERE customer = $1 AND invoiced = false", &[&customer])?;
        tx.execute("UPDATE jobs SET done_at = now() WHERE id = $1", &[&job_id])?;
        tx.commit()?;
        println!("worker: invoiced {customer} (job {job_id})");
    }
}
