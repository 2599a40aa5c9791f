//! fraudd: the card switch opens one Unix-socket connection per
//! authorization request, writes one JSON line and waits for the verdict.

mod config;
mod host;

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::time::Duration;

use serde::{Deserialize, Serialize};

#[derive(Deserialize, Serialize)]
struct Authorization {
    id: String,
    card_token: String,
    pan_prefix: String,
    amount_minor: i64,
    currency: String,
    mcc: String,
    country: String,
    card_country: String,
    entry_mode: String,
}

#[derive(Deserialize, Serialize)]
struct Verdict {
    decision: String,
    reasons: Vec<String>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    env_logger::init();
    let cfg = config::load();

    let platform = v8::new_default_platform(0, false).make_shared();
    v8::V8::initialize_platform(platform);
    v8::V8::initialize();

    let isolate = &mut v8::Isolate::new(v8::CreateParams::default());
    let scope = &mut v8::HandleScope::new(isolate);
    let context = v8::Context::new(scope, Default::default());
    let scope = &mut v8::ContextScope::new(scope, context);

    let global = context.global(scope);
    host::install(scope, global);

    let source = std::fs::read_to_string(&cfg.rules_path)?;
    let source = v8::String::new(scope, &source).unwrap();
    let script = v8::Script::compile(scope, source, None).expect("rules do not compile");
    script.run(scope).expect("rules failed to load");

    let name = v8::String::new(scope, "evaluate").unwrap();
    let evaluate = global.get(scope, name.into()).unwrap();
    let evaluate = v8::Local::<v8::Function>::try_from(evaluate)?;

    let _ = std::fs::remove_file(&cfg.socket_path);
    let listener = UnixListener::bind(&cfg.socket_path)?;
    log::info!("fraudd listening on {}", cfg.socket_path);

    for stream in listener.incoming() {
        let stream = match stream {
            Ok(s) => s,
            Err(e) => {
                log::warn!("accept failed: {e}");
                continue;
            }
        };
        if let Err(e) = handle(scope, evaluate, stream) {
            log::warn!("authorization failed: {e}");
        }
    }
    Ok(())
}

fn handle(
    scope: &mut v8::HandleScope,
    evaluate: v8::Local<v8::Function>,
    stream: UnixStream,
) -> Result<(), Box<dyn std::error::Error>> {
    stream.set_read_timeout(Some(Duration::from_millis(250)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let txn: Authorization = serde_json::from_str(&line)?;

    let scope = &mut v8::HandleScope::new(scope);
    let json = v8::String::new(scope, line.trim()).unwrap();
    let arg = v8::json::parse(scope, json).ok_or("bad json")?;
    let recv = v8::undefined(scope).into();
    let out = evaluate.call(scope, recv, &[arg]).ok_or("rules threw")?;
    let verdict: Verdict = serde_json::from_str(&out.to_rust_string_lossy(scope))?;

    let mut writer = stream;
    writer.write_all(serde_json::to_string(&verdict)?.as_bytes())?;
    writer.write_all(b"\n")?;

    if verdict.decision == "decline" {
        notify_case_management(&txn, &verdict);
    }
    Ok(())
}

fn notify_case_management(txn: &Authorization, verdict: &Verdict) {
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()
        .expect("tls backend");
    let body = serde_json::json!({
        "authorization_id": txn.id,
        "card_token": txn.card_token,
        "amount_minor": txn.amount_minor,
        "currency": txn.currency,
        "reasons": verdict.reasons,
    });
    if let Err(e) = http.post(&config::get().case_webhook_url).json(&body).send() {
        log::warn!("case webhook failed for {}: {e}", txn.id);
    }
}
