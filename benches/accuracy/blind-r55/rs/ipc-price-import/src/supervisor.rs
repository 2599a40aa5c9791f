//! Supervisor process: owns no database connection. Spawns the workers, then
//! scans the spool directory and hands each new price file to a worker.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::{Child, Command};
use std::thread;
use std::time::Duration;

use ipc_channel::ipc::{IpcOneShotServer, IpcSender};

use crate::Job;

fn spawn_worker(index: usize) -> anyhow::Result<(Child, IpcSender<Job>)> {
    let (server, name) = IpcOneShotServer::<IpcSender<Job>>::new()?;
    let child = Command::new(std::env::current_exe()?)
        .arg("worker")
        .arg(&name)
        .env("WORKER_INDEX", index.to_string())
        .spawn()?;
    let (_, job_tx) = server.accept()?;
    Ok((child, job_tx))
}

pub fn run(spool: PathBuf, workers: usize) -> anyhow::Result<()> {
    let mut pool = Vec::with_capacity(workers);
    for i in 0..workers {
        pool.push(spawn_worker(i)?);
    }

    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut next = 0usize;
    loop {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&spool)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "csv"))
            .filter(|p| !seen.contains(p))
            .collect();
        files.sort();
        for path in files {
            let supplier = path.file_stem().and_then(|s| s.to_str()).unwrap_or("unknown").to_string();
            let job = Job { path: path.to_string_lossy().into_owned(), supplier };
            pool[next % workers].1.send(job)?;
            next += 1;
            seen.insert(path);
        }
        thread::sleep(Duration::from_secs(5));
    }
}
