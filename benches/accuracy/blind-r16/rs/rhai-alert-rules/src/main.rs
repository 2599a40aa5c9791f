use std::net::UdpSocket;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use std::{env, fs, thread};

use postgres::NoTls;
use rhai::{Engine, Scope, AST};

mod audit;
mod host;

fn load_rules(engine: &Engine, dir: &str) -> Vec<(String, AST)> {
    let mut rules = Vec::new();
    for entry in fs::read_dir(dir).expect("rules dir") {
        let path = entry.expect("dir entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("rhai") {
            continue;
        }
        let src = fs::read_to_string(&path).expect("read rule");
        match engine.compile(&src) {
            Ok(ast) => rules.push((path.display().to_string(), ast)),
            Err(e) => log::error!("{}: {e}", path.display()),
        }
    }
    rules
}

fn main() {
    env_logger::init();
    let pg_url = env::var("ALERTD_PG").unwrap_or_else(|_| "postgres://alertd@localhost/ops".into());

    let mut attempt = 0;
    let pg = loop {
        match postgres::Client::connect(&pg_url, NoTls) {
            Ok(c) => break c,
            Err(e) if attempt < 10 => {
                attempt += 1;
                log::warn!("postgres not ready ({e}), retry {attempt}");
                thread::sleep(Duration::from_secs(2));
            }
            Err(e) => panic!("postgres unavailable: {e}"),
        }
    };

    let ctx = host::HostCtx {
        pg: Arc::new(Mutex::new(pg)),
        redis_url: env::var("ALERTD_REDIS").unwrap_or_else(|_| "redis://127.0.0.1/".into()),
        pager_url: env::var("ALERTD_PAGER").unwrap_or_else(|_| "http://pager.internal/v1/page".into()),
        audit: Arc::new(Mutex::new(audit::Audit::open(&pg_url).expect("audit connection"))),
    };

    let mut engine = Engine::new();
    engine.set_max_operations(50_000);
    host::register(&mut engine, &ctx);
    let rules = load_rules(&engine, &env::var("ALERTD_RULES").unwrap_or_else(|_| "rules".into()));

    let socket = UdpSocket::bind("0.0.0.0:8125").expect("bind udp 8125");
    let mut buf = [0u8; 8192];
    loop {
        let (len, from) = match socket.recv_from(&mut buf) {
            Ok(x) => x,
            Err(e) => {
                log::warn!("recv: {e}");
                continue;
            }
        };
        let event: serde_json::Value = match serde_json::from_slice(&buf[..len]) {
            Ok(v) => v,
            Err(e) => {
                log::debug!("bad datagram from {from}: {e}");
                continue;
            }
        };
        let dynamic = match rhai::serde::to_dynamic(&event) {
            Ok(d) => d,
            Err(e) => {
                log::debug!("unconvertible event: {e}");
                continue;
            }
        };
        for (name, ast) in &rules {
            let mut scope = Scope::new();
            scope.push_dynamic("event", dynamic.clone());
            if let Err(e) = engine.run_ast_with_scope(&mut scope, ast) {
                log::warn!("rule {name} failed: {e}");
            }
        }
    }
}
