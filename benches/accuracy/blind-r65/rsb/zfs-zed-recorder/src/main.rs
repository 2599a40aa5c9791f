//! One process per zevent (run by ZED), or `--drain` from a systemd timer.

mod db;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const SPOOL: &str = "/var/spool/zevent-recorder";

fn main() -> ExitCode {
    let host = fs::read_to_string("/etc/hostname").unwrap_or_default().trim().to_string();
    let drain_only = std::env::args().any(|a| a == "--drain");

    let event = if drain_only { None } else { Some(current_event()) };
    if let Some(ev) = &event {
        maybe_page(&host, ev);
    }

    let Some(mut client) = db::connect() else {
        if let Some(ev) = &event {
            spool(ev);
        }
        // Never make ZED log a failing zedlet for an inventory outage.
        return ExitCode::SUCCESS;
    };

    if let Some(ev) = &event {
        if let Err(e) = db::insert(&mut client, &host, ev) {
            eprintln!("zevent-recorder: insert failed: {e}");
            spool(ev);
        }
    }

    // Catch up on anything spooled while the database was unreachable,
    // on the connection we already have.
    for path in spooled() {
        let Ok(text) = fs::read_to_string(&path) else { continue };
        let Ok(ev) = serde_json::from_str::<serde_json::Value>(&text) else {
            let _ = fs::remove_file(&path);
            continue;
        };
        match db::insert(&mut client, &host, &ev) {
            Ok(()) => {
                let _ = fs::remove_file(&path);
            }
            Err(e) => {
                eprintln!("zevent-recorder: drain stopped at {}: {e}", path.display());
                break;
            }
        }
    }

    let _ = client.close();
    ExitCode::SUCCESS
}

fn current_event() -> serde_json::Value {
    let map: serde_json::Map<String, serde_json::Value> = std::env::vars()
        .filter(|(k, _)| k.starts_with("ZEVENT_"))
        .map(|(k, v)| (k, serde_json::Value::String(v)))
        .collect();
    serde_json::Value::Object(map)
}

fn spool(ev: &serde_json::Value) {
    let eid = ev["ZEVENT_EID"].as_str().unwrap_or("0");
    let _ = fs::create_dir_all(SPOOL);
    let _ = fs::write(Path::new(SPOOL).join(format!("{eid}.json")), ev.to_string());
}

fn spooled() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(SPOOL)
        .map(|rd| rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// Pages storage on-call for pool state changes and data errors; other
/// zevents (scrub start/finish, history events) are only recorded.
fn maybe_page(host: &str, ev: &serde_json::Value) {
    let class = ev["ZEVENT_SUBCLASS"].as_str().unwrap_or("");
    let state = ev["ZEVENT_POOL_STATE_STR"].as_str().unwrap_or("");
    let page = match class {
        "statechange" => state != "ONLINE",
        "checksum" | "io" | "data" => true,
        _ => false,
    };
    let Ok(url) = std::env::var("ZEVENT_PAGER_URL") else { return };
    if !page {
        return;
    }
    let body = serde_json::json!({
        "summary": format!("zfs {class} on {host}: pool {} {}", ev["ZEVENT_POOL"].as_str().unwrap_or("?"), state),
        "source": host,
        "severity": if class == "statechange" { "critical" } else { "warning" },
        "details": ev,
    });
    if let Err(e) = ureq::post(&url).timeout(std::time::Duration::from_secs(5)).send_json(body) {
        eprintln!("zevent-recorder: pager call failed: {e}");
    }
}
