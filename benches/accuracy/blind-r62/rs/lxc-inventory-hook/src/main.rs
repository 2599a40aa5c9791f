//! One process per hook invocation: LXC starts us with the container's environment
//! (LXC_NAME, LXC_HOOK_TYPE, LXC_CONFIG_FILE, ...) and waits for us to exit.

use std::collections::HashMap;
use std::process::ExitCode;
use std::thread::sleep;
use std::time::Duration;

use anyhow::Context;
use postgres::{Client, NoTls};
use serde_json::json;

struct Hook {
    container: String,
    hook_type: String,
    pid: Option<i32>,
    config: HashMap<String, String>,
}

impl Hook {
    fn from_env() -> anyhow::Result<Self> {
        let container = std::env::var("LXC_NAME").context("LXC_NAME not set; not run by LXC?")?;
        let hook_type = std::env::var("LXC_HOOK_TYPE").context("LXC_HOOK_TYPE (lxc.hook.version = 1 required)")?;
        let pid = std::env::var("LXC_PID").ok().and_then(|p| p.parse().ok());
        let config = match std::env::var("LXC_CONFIG_FILE") {
            Ok(path) => parse_config(&std::fs::read_to_string(path)?),
            Err(_) => HashMap::new(),
        };
        Ok(Hook { container, hook_type, pid, config })
    }
}

fn parse_config(text: &str) -> HashMap<String, String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// The inventory database sits behind a VIP that flaps during failover; try a few times, then give up.
fn connect(dsn: &str) -> anyhow::Result<Client> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match Client::connect(dsn, NoTls) {
            Ok(client) => break Ok(client),
            Err(err) if attempt < 3 => {
                eprintln!("lxc-inventory-hook: inventory db attempt {attempt} failed: {err}");
                sleep(Duration::from_millis(500 * attempt));
            }
            Err(err) => break Err(err.into()),
        }
    }
}

fn run() -> anyhow::Result<()> {
    let hook = Hook::from_env()?;
    let dsn = std::fs::read_to_string("/etc/lxc-inventory/dsn")?.trim().to_string();
    let host = std::fs::read_to_string("/etc/hostname")?.trim().to_string();
    let hwaddr = hook.config.get("lxc.net.0.hwaddr").cloned();
    let memory_max = hook.config.get("lxc.cgroup2.memory.max").cloned();

    let mut db = connect(&dsn)?;
    let state = match hook.hook_type.as_str() {
        "start-host" => {
            db.execute(
                "INSERT INTO containers (name, host, state, init_pid, hwaddr, memory_max, started_at) \
                 VALUES ($1, $2, 'running', $3, $4, $5, now()) \
                 ON CONFLICT (name) DO UPDATE SET host = $2, state = 'running', init_pid = $3, \
                   hwaddr = $4, memory_max = $5, started_at = now()",
                &[&hook.container, &host, &hook.pid, &hwaddr, &memory_max],
            )?;
            "running"
        }
        "post-stop" => {
            db.execute(
                "UPDATE containers SET state = 'stopped', init_pid = NULL, stopped_at = now() WHERE name = $1",
                &[&hook.container],
            )?;
            "stopped"
        }
        other => {
            db.close()?;
            anyhow::bail!("unexpected hook type {other}");
        }
    };
    db.close()?;

    if let Ok(cmdb) = std::env::var("CMDB_URL").or_else(|_| std::fs::read_to_string("/etc/lxc-inventory/cmdb-url")) {
        ureq::post(&format!("{}/api/ci/lxc/{}", cmdb.trim(), hook.container))
            .timeout(Duration::from_secs(3))
            .send_json(json!({ "host": host, "state": state, "hwaddr": hwaddr }))?;
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // Never block a container from starting because the inventory is down.
            eprintln!("lxc-inventory-hook: {err:#}");
            ExitCode::SUCCESS
        }
    }
}
