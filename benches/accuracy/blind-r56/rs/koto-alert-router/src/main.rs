//! Alert router. journald-forwarder sends one JSON object per UDP datagram;
//! each event is handed to the `route` function exported by the Koto rule
//! script. Editing the script on disk reloads it without a restart.

mod host;
mod services;

use koto::prelude::*;
use std::net::UdpSocket;
use std::path::Path;
use std::time::SystemTime;

struct Rules {
    koto: Koto,
    route: KValue,
    loaded_at: SystemTime,
}

fn load_rules(path: &Path, services: &services::Services) -> anyhow::Result<Rules> {
    let script = std::fs::read_to_string(path)?;
    let mut koto = Koto::default();
    host::register(&koto, services);
    koto.compile_and_run(&script)?;
    let route = koto
        .exports()
        .get("route")
        .ok_or_else(|| anyhow::anyhow!("{} does not export `route`", path.display()))?;
    Ok(Rules { koto, route, loaded_at: SystemTime::now() })
}

fn event_to_koto(event: &serde_json::Value) -> KValue {
    let map = KMap::new();
    for key in ["service", "level", "message", "host"] {
        map.insert(key, event[key].as_str().unwrap_or_default());
    }
    map.into()
}

fn main() -> anyhow::Result<()> {
    let rules_path = std::env::var("RULES").unwrap_or_else(|_| "/etc/alert-router/route.koto".into());
    let rules_path = Path::new(&rules_path);

    let services = services::Services::connect()?;
    let mut rules = load_rules(rules_path, &services)?;

    let socket = UdpSocket::bind(std::env::var("LISTEN").unwrap_or_else(|_| "127.0.0.1:5140".into()))?;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let (n, _) = socket.recv_from(&mut buf)?;

        let modified = std::fs::metadata(rules_path).and_then(|m| m.modified()).ok();
        if modified.is_some_and(|m| m > rules.loaded_at) {
            match load_rules(rules_path, &services) {
                Ok(r) => rules = r,
                Err(e) => eprintln!("keeping previous rules, reload failed: {e:#}"),
            }
        }

        let Ok(event) = serde_json::from_slice::<serde_json::Value>(&buf[..n]) else { continue };
        match rules.koto.call_function(rules.route.clone(), &[event_to_koto(&event)]) {
            Ok(KValue::Str(outcome)) if outcome.as_str() != "ignored" => {
                eprintln!("{} -> {}", event["service"], outcome.as_str());
            }
            Ok(_) => {}
            Err(e) => eprintln!("rule error: {e}"),
        }
    }
}
