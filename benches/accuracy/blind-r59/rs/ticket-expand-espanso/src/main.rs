//! One short-lived process per espanso expansion: parse argv, open one
//! database session and one HTTP client, print the snippet, close, exit.
//! Whatever is printed to stdout is typed into the focused application.

mod lookup;

use std::time::Duration;

use native_tls::TlsConnector;
use postgres::Client;
use postgres_native_tls::MakeTlsConnector;

fn connect(url: &str) -> Result<Client, postgres::Error> {
    let tls = MakeTlsConnector::new(TlsConnector::new().expect("system TLS roots"));
    // The helpdesk replica sits behind the VPN; give a waking tunnel two more tries.
    let mut last = None;
    for _ in 0..3 {
        match Client::connect(url, tls.clone()) {
            Ok(client) => return Ok(client),
            Err(e) => {
                last = Some(e);
                std::thread::sleep(Duration::from_millis(300));
            }
        }
    }
    Err(last.expect("three attempts"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let url = std::env::var("HELPDESK_DATABASE_URL").unwrap_or_default();
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(4))
        .build()
        .expect("http client");

    let output = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["oncall"] => lookup::oncall(&http),
        [kind @ ("ticket" | "customer"), arg] => match connect(&url) {
            Ok(mut db) => {
                let text = if *kind == "ticket" {
                    lookup::ticket(&mut db, arg.trim())
                } else {
                    lookup::customer(&mut db, &http, arg.trim())
                };
                let _ = db.close();
                text
            }
            Err(e) => Err(format!("helpdesk DB unreachable: {e}")),
        },
        _ => Err("usage: ticket-expand ticket <id> | customer <email> | oncall".into()),
    };

    match output {
        Ok(text) => print!("{text}"),
        Err(e) => {
            print!("[ticket-expand: {e}]");
            std::process::exit(1);
        }
    }
}
