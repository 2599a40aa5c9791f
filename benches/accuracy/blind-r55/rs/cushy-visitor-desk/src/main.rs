mod services;

use std::thread;

use cushy::value::{Destination, Dynamic, Source};
use cushy::widget::MakeWidget;
use cushy::widgets::input::InputValue;
use cushy::Run;
use serde_json::json;

use crate::services::{find_expected, Services};

fn check_in(svc: &Services, name: &str) -> Result<String, Box<dyn std::error::Error>> {
    let matches = find_expected(svc, name)?;
    let Some((visit_id, full_name, host_email)) = matches.into_iter().next() else {
        return Ok(format!("No expected visitor matching \"{name}\" today"));
    };
    let mut conn = svc.db.get()?;
    let mut tx = conn.transaction()?;
    tx.execute(
        "UPDATE visits SET checked_in_at = now(), desk = $2 WHERE id = $1",
        &[&visit_id, &svc.desk],
    )?;
    tx.execute(
        "INSERT INTO badge_prints (visit_id, printed_at) VALUES ($1, now())",
        &[&visit_id],
    )?;
    tx.commit()?;

    svc.http
        .post(&svc.notify_url)
        .json(&json!({ "to": host_email, "text": format!("{full_name} is waiting at {}", svc.desk) }))
        .send()?
        .error_for_status()?;
    Ok(format!("{full_name} checked in; host notified"))
}

fn main() -> cushy::Result {
    let svc = Services::connect().expect("cannot reach the visitor database at start-up");

    let name = Dynamic::<String>::default();
    let status = Dynamic::new(String::from("Type a visitor name"));

    let search = "Search".into_button().on_click({
        let (svc, name, status) = (svc.clone(), name.clone(), status.clone());
        move |_| {
            let (svc, query, status) = (svc.clone(), name.get(), status.clone());
            thread::spawn(move || match find_expected(&svc, &query) {
                Ok(list) if list.is_empty() => status.set(format!("Nobody expected matching \"{query}\"")),
                Ok(list) => status.set(
                    list.iter().map(|(_, n, _)| n.as_str()).collect::<Vec<_>>().join(", "),
                ),
                Err(e) => status.set(format!("Lookup failed: {e}")),
            });
        }
    });

    let checkin = "Check in".into_button().on_click({
        let (svc, name, status) = (svc.clone(), name.clone(), status.clone());
        move |_| {
            let (svc, query, status) = (svc.clone(), name.get(), status.clone());
            thread::spawn(move || match check_in(&svc, &query) {
                Ok(msg) => status.set(msg),
                Err(e) => status.set(format!("Check-in failed: {e}")),
            });
        }
    });

    name.clone()
        .into_input()
        .placeholder("Visitor name")
        .and(search.and(checkin).into_columns())
        .and(status.into_label())
        .into_rows()
        .contain()
        .run()
}
