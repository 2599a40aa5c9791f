use i3ipc::event::inner::WindowChange;
use i3ipc::event::Event;
use i3ipc::reply::WindowProperty;
use i3ipc::{I3EventListener, Subscription};
use mysql::prelude::Queryable;
use mysql::{Opts, Pool};
use regex::Regex;

mod jira;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let opts = Opts::from_url(&std::env::var("TRACKER_MYSQL_URL")?)?;
    let pool = Pool::new(opts)?;
    let mut conn = pool.get_conn()?;

    let ticket_re = Regex::new(r"\b([A-Z][A-Z0-9]+-\d+)\b")?;
    let mut listener = I3EventListener::connect()?;
    listener.subscribe(&[Subscription::Window])?;

    let mut last_title = String::new();
    for event in listener.listen() {
        let Event::WindowEvent(info) = event? else { continue };
        if !matches!(info.change, WindowChange::Focus | WindowChange::Title) {
            continue;
        }
        let title = info.container.name.clone().unwrap_or_default();
        if title == last_title {
            continue;
        }
        last_title = title.clone();
        let app = info
            .container
            .window_properties
            .as_ref()
            .and_then(|p| p.get(&WindowProperty::Class).cloned())
            .unwrap_or_else(|| "unknown".into());

        let ticket = ticket_re.captures(&title).map(|c| c[1].to_string());
        let (project, summary) = match ticket.as_deref().and_then(jira::lookup) {
            Some((p, s)) => (Some(p), Some(s)),
            None => (None, None),
        };

        conn.exec_drop(
            "INSERT INTO focus_log (started_at, app, title, ticket, project, summary) \
             VALUES (NOW(), ?, ?, ?, ?, ?)",
            (&app, &title, &ticket, &project, &summary),
        )?;
    }
    Ok(())
}
