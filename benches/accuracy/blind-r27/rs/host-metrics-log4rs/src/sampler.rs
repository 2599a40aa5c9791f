//! Reads the numbers we care about from /proc.

use procfs::Current;

pub struct Sample {
    pub total_bytes: u64,
    pub available_bytes: u64,
    pub used_bytes: u64,
    pub load1: f32,
}

fn load_average_1m() -> anyhow::Result<f32> {
    let raw = std::fs::read_to_string("/proc/loadavg")?;
    let first = raw
        .split_whitespace()
        .next()
        .ok_or_else(|| anyhow::anyhow!("empty /proc/loadavg"))?;
    Ok(first.parse()?)
}

pub fn sample() -> anyhow::Result<Sample> {
    let mem = procfs::Meminfo::current()?;
    let available = mem
        .mem_available
        .unwrap_or(mem.mem_free + mem.cached + mem.buffers);
    Ok(Sample {
        total_bytes: mem.mem_total,
        available_bytes: available,
        used_bytes: mem.mem_total.saturating_sub(available),
        load1: load_average_1m()?,
    })
}

pub fn store(db: &mut postgres::Client, host: &str, s: &Sample) -> Result<(), postgres::Error> {
    db.execute(
        "INSERT INTO host_samples (host, total_bytes, available_bytes, used_bytes, load1, sampled_at)
         VALUES ($1, $2, $3, $4, $5, now())",
        &[
            &host,
            &(s.total_bytes as i64),
            &(s.available_bytes as i64),
            &(s.used_bytes as i64),
            &s.load1,
        ],
    )?;
    Ok(())
}
