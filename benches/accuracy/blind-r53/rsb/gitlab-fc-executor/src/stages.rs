use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};

use reqwest::blocking::Client;
use serde::Deserialize;
use serde_json::json;

use crate::ledger::Ledger;
use crate::Job;

#[derive(Deserialize)]
pub struct Vm {
    pub id: String,
    pub ssh_host: String,
    pub ssh_port: u16,
}

pub fn config_json() -> serde_json::Value {
    json!({
        "builds_dir": "/builds",
        "cache_dir": "/cache",
        "builds_dir_is_shared": false,
        "driver": { "name": "fc-executor", "version": env!("CARGO_PKG_VERSION") }
    })
}

fn vm_for_job(http: &Client, job: &Job) -> anyhow::Result<Vm> {
    Ok(http
        .get(format!("{}/v1/leases/{}", job.pool_api, job.id))
        .send()?
        .error_for_status()?
        .json()?)
}

pub fn prepare(http: &Client, job: &Job) -> anyhow::Result<()> {
    eprintln!("Leasing a microVM for job {} ({})", job.id, job.project);
    let vm: Vm = http
        .post(format!("{}/v1/leases", job.pool_api))
        .json(&json!({ "job_id": job.id, "image": "ci-ubuntu-24.04", "vcpus": 4, "mem_mib": 8192 }))
        .send()?
        .error_for_status()?
        .json()?;

    let mut ledger = Ledger::connect(&job.ledger_dsn)?;
    ledger.record_lease(&job.id, &job.project, &vm.id)?;
    ledger.close()?;

    eprintln!("Job {} runs on {} ({}:{})", job.id, vm.id, vm.ssh_host, vm.ssh_port);
    Ok(())
}

/// Runs one sub-step (prepare_script, get_sources, build_script, ...).
/// Returns Ok(false) when the user's script failed.
pub fn run(http: &Client, job: &Job, script: &Path, step: &str) -> anyhow::Result<bool> {
    let vm = vm_for_job(http, job)?;
    eprintln!("[{step}] on {}", vm.id);

    let status = Command::new("ssh")
        .args(["-o", "StrictHostKeyChecking=no", "-o", "BatchMode=yes"])
        .arg("-p")
        .arg(vm.ssh_port.to_string())
        .arg(format!("runner@{}", vm.ssh_host))
        .arg("/usr/bin/env bash")
        .stdin(Stdio::from(File::open(script)?))
        .status()?;

    Ok(status.success())
}

pub fn cleanup(http: &Client, job: &Job) -> anyhow::Result<()> {
    let resp = http
        .delete(format!("{}/v1/leases/{}", job.pool_api, job.id))
        .send()?;
    if !resp.status().is_success() && resp.status().as_u16() != 404 {
        anyhow::bail!("pool refused to release lease: {}", resp.status());
    }

    let mut ledger = Ledger::connect(&job.ledger_dsn)?;
    ledger.record_release(&job.id)?;
    ledger.close()?;
    Ok(())
}
