//! rofi script mode. ROFI_RETV tells us why we were started:
//!   0 = initial call, print the menu
//!   1 = user selected an entry (ROFI_INFO carries the incident id)
//!   2 = user typed custom text
//! Each call is a new, short-lived process.

use std::env;
use std::process::ExitCode;

mod store;

fn print_menu(db: &mut postgres::Client) -> Result<(), postgres::Error> {
    println!("\0prompt\x1fack");
    let incidents = store::open_incidents(db)?;
    if incidents.is_empty() {
        println!("\0message\x1fNothing open. Enjoy the quiet.");
    }
    for inc in incidents {
        let urgency = if inc.high_urgency { "!!" } else { "  " };
        println!(
            "{urgency} [{}] {} ({} min)\0info\x1f{}",
            inc.service, inc.title, inc.age_minutes, inc.id
        );
    }
    Ok(())
}

fn acknowledge(
    db: &mut postgres::Client,
    http: &reqwest::blocking::Client,
    incident_id: i64,
) -> Result<(), Box<dyn std::error::Error>> {
    let api = env::var("INCIDENT_API_URL")?;
    let token = env::var("INCIDENT_API_TOKEN")?;
    http.post(format!("{api}/incidents/{incident_id}/acknowledge"))
        .bearer_auth(token)
        .send()?
        .error_for_status()?;
    let me = env::var("USER").unwrap_or_else(|_| "unknown".into());
    store::mark_acknowledged(db, incident_id, &me)?;
    Ok(())
}

fn main() -> ExitCode {
    let retv: u8 = env::var("ROFI_RETV")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);

    // One connection for this invocation; rofi starts a fresh process per step.
    let mut db = match store::open() {
        Ok(db) => db,
        Err(e) => {
            println!("\0message\x1fdatabase unavailable: {e}");
            return ExitCode::FAILURE;
        }
    };

    let outcome: Result<(), Box<dyn std::error::Error>> = match retv {
        0 => print_menu(&mut db).map_err(Into::into),
        1 => match env::var("ROFI_INFO").ok().and_then(|id| id.parse::<i64>().ok()) {
            Some(id) => {
                let http = reqwest::blocking::Client::new();
                acknowledge(&mut db, &http, id)
            }
            None => Ok(()),
        },
        2 => {
            println!("\0message\x1fpick an incident from the list");
            print_menu(&mut db).map_err(Into::into)
        }
        _ => Ok(()),
    };

    let _ = db.close();

    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("oncall-rofi: {e}");
            ExitCode::FAILURE
        }
    }
}
