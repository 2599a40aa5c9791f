mod infra;
mod jobs;

use std::thread;
use std::time::Duration;

use job_scheduler::{Job, JobScheduler};

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let pool = infra::mysql_pool()?;
    let http = infra::http_client()?;

    let mut sched = JobScheduler::new();

    let digest_pool = pool.clone();
    sched.add(Job::new("0 0 * * * *".parse()?, move || {
        if let Err(err) = jobs::send_digests(&digest_pool, &http) {
            log::error!("digest run failed: {err:#}");
        }
    }));

    let purge_pool = pool.clone();
    sched.add(Job::new("0 */15 * * * *".parse()?, move || {
        match jobs::purge_sessions(&purge_pool) {
            Ok(n) => log::info!("purged {n} expired sessions"),
            Err(err) => log::error!("purge failed: {err:#}"),
        }
    }));

    log::info!("scheduler started");
    loop {
        sched.tick();
        thread::sleep(sched.time_till_next_job().min(Duration::from_secs(30)));
    }
}
