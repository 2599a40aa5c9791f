use mysql::prelude::*;
use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};
use serde::Serialize;

pub struct Sample {
    pub instrument: String,
    pub quantity: &'static str,
    pub value: f64,
}

#[derive(Serialize)]
pub struct Verdict {
    pub run_id: String,
    pub samples: u64,
    pub out_of_limits: u64,
    pub passed: bool,
}

pub fn open_pool(url: &str) -> anyhow::Result<Pool> {
    let constraints = PoolConstraints::new(1, 2).expect("valid constraints");
    let opts = OptsBuilder::from_opts(Opts::from_url(url)?)
        .pool_opts(PoolOpts::default().with_constraints(constraints));
    Ok(Pool::new(opts)?)
}

pub fn write_samples(pool: &Pool, run_id: &str, samples: &[Sample]) -> mysql::Result<()> {
    let mut conn = pool.get_conn()?;
    conn.exec_batch(
        "INSERT INTO burnin_samples (run_id, instrument, quantity, value, taken_at) VALUES (?, ?, ?, ?, NOW(3))",
        samples.iter().map(|s| (run_id, &s.instrument, s.quantity, s.value)),
    )
}

pub fn summarize(pool: &Pool, run_id: &str, max_current: f64) -> mysql::Result<Verdict> {
    let mut conn = pool.get_conn()?;
    let (samples, out_of_limits): (u64, u64) = conn
        .exec_first(
            "SELECT COUNT(*), COALESCE(SUM(quantity = 'curr' AND value > ?), 0) FROM burnin_samples WHERE run_id = ?",
            (max_current, run_id),
        )?
        .unwrap_or((0, 0));
    Ok(Verdict { run_id: run_id.to_string(), samples, out_of_limits, passed: samples > 0 && out_of_limits == 0 })
}
