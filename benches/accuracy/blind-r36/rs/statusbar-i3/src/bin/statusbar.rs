use std::io::{BufRead, Write};
use std::thread;
use std::time::Duration;

use serde::Deserialize;
use serde_json::json;
use shopstats::{db, stats};

#[derive(Deserialize)]
struct Click {
    name: Option<String>,
    button: u8,
}

fn main() {
    // i3bar sends click events on our stdin when click_events is enabled.
    thread::spawn(|| {
        let stdin = std::io::stdin();
        for line in stdin.lock().lines().map_while(Result::ok) {
            let line = line.trim_start_matches(['[', ',']);
            if let Ok(click) = serde_json::from_str::<Click>(line) {
                if click.name.as_deref() == Some("orders") && click.button == 1 {
                    let _ = std::process::Command::new("xdg-open")
                        .arg("https://admin.shop.internal/orders?range=today")
                        .spawn();
                }
            }
        }
    });

    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(3)).build();
    let mut client = db::connect_with_retry(60).expect("shop database");

    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", json!({ "version": 1, "click_events": true })).unwrap();
    writeln!(out, "[").unwrap();

    loop {
        if client.is_closed() {
            match db::connect_with_retry(3) {
                Ok(fresh) => client = fresh,
                Err(e) => eprintln!("shopstats: still offline: {e}"),
            }
        }

        let orders_block = match stats::today(&mut client) {
            Ok(t) => json!({
                "name": "orders",
                "full_text": format!("🛒 {}  £{:.2}", t.orders, t.revenue_cents as f64 / 100.0),
            }),
            Err(_) => json!({ "name": "orders", "full_text": "🛒 --", "color": "#ff5555" }),
        };

        let status_block = match agent.get("https://status.shop.internal/api/summary").call() {
            Ok(resp) => {
                let body: serde_json::Value = resp.into_json().unwrap_or_default();
                let up = body["indicator"].as_str() == Some("none");
                json!({ "name": "status", "full_text": if up { "shop ok" } else { "shop degraded" },
                        "color": if up { "#50fa7b" } else { "#ffb86c" } })
            }
            Err(_) => json!({ "name": "status", "full_text": "status ?" }),
        };

        writeln!(out, "{},", json!([orders_block, status_block])).unwrap();
        out.flush().unwrap();
        thread::sleep(Duration::from_secs(5));
    }
}
