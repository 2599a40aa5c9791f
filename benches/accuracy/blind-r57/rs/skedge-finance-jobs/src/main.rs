//! finance-jobs: one long-running process (systemd, Restart=always) that runs
//! the back-office jobs on a skedge schedule.
//!
//!   finance-jobs                 run the scheduler forever
//!   finance-jobs --run-once NAME run a single job now and exit

mod jobs;
mod services;

use std::thread::sleep;
use std::time::Duration;

use chrono::Local;
use skedge::{every, Scheduler};

fn run_once(name: &str) -> Result<(), Box<dyn std::error::Error>> {
    match name {
        "fx" => jobs::sync_fx_rates(),
        "payouts" => jobs::reconcile_payouts(),
        "views" => jobs::refresh_reporting_views(),
        other => return Err(format!("unknown job {other}").into()),
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Pool and HTTP client are created here, once, before any job is scheduled.
    services::init()?;

    let args: Vec<String> = std::env::args().collect();
    if let Some(pos) = args.iter().position(|a| a == "--run-once") {
        let name = args.get(pos + 1).ok_or("--run-once needs a job name")?;
        return run_once(name);
    }

    let mut schedule = Scheduler::new();
    every(1).hour()?.run(&mut schedule, jobs::sync_fx_rates)?;
    every(10).minutes()?.run(&mut schedule, jobs::reconcile_payouts)?;
    every(1).day()?.at("02:30")?.run(&mut schedule, jobs::refresh_reporting_views)?;

    println!("finance-jobs: scheduler started at {}", Local::now().to_rfc3339());
    loop {
        if let Err(e) = schedule.run_pending() {
            eprintln!("finance-jobs: scheduler error: {e}");
        }
        sleep(Duration::from_secs(1));
    }
}
