#[macro_use]
extern crate dyon;

mod host;

use dyon::{error, load, Module, Runtime, Variable};
use serde::Deserialize;
use std::io::{BufRead, BufReader};
use std::os::unix::net::UnixListener;
use std::sync::Arc;

#[derive(Deserialize)]
struct MatchEvent {
    kind: String,
    player: String,
    #[serde(default)]
    value: f64,
}

fn build_module(script: &str) -> anyhow::Result<Arc<Module>> {
    let mut module = Module::new();
    host::register(&mut module);
    if error(load(script, &mut module)) {
        anyhow::bail!("failed to load {script}");
    }
    Ok(Arc::new(module))
}

fn main() -> anyhow::Result<()> {
    env_logger::init();

    host::init(
        &std::env::var("ARENA_PG_DSN")?,
        &std::env::var("ARENA_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
    )?;

    let script = std::env::var("ARENA_SCRIPT").unwrap_or_else(|_| "scripts/events.dyon".into());
    let module = build_module(&script)?;
    let mut runtime = Runtime::new();

    let socket_path = "/run/arena/events.sock";
    let _ = std::fs::remove_file(socket_path);
    let listener = UnixListener::bind(socket_path)?;
    log::info!("waiting for the match server on {socket_path}");

    // The match server keeps one connection open per match; handle them one at a time.
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(s) => s,
            Err(err) => {
                log::warn!("accept failed: {err}");
                continue;
            }
        };
        for line in BufReader::new(stream).lines() {
            let line = match line {
                Ok(l) => l,
                Err(err) => {
                    log::warn!("match server disconnected: {err}");
                    break;
                }
            };
            let event: MatchEvent = match serde_json::from_str(&line) {
                Ok(e) => e,
                Err(err) => {
                    log::warn!("ignoring malformed event {line:?}: {err}");
                    continue;
                }
            };
            let args = [
                Variable::Str(Arc::new(event.kind)),
                Variable::Str(Arc::new(event.player)),
                Variable::f64(event.value),
            ];
            if let Err(err) = runtime.call_str("on_event", &args, &module) {
                log::error!("script error: {err}");
            }
        }
        log::info!("match connection closed");
    }
    Ok(())
}
