//! SwiftBar (xbar-compatible) plugin. Installed as a symlink named
//! `~/SwiftBar/oncall.2m.bin` -> target/release/oncall, so SwiftBar starts a
//! fresh process every 2 minutes to redraw the menu, and starts another one
//! (`oncall ack <incident>`) when an "Acknowledge" item is clicked.

mod escalations;
mod pagerduty;

use anyhow::Result;

use crate::pagerduty::PagerDuty;

fn render() -> Result<()> {
    let pd = PagerDuty::from_env()?;
    let incidents = pd.my_open_incidents()?;
    let escalations = escalations::open_for_my_team().unwrap_or_default();

    let triggered = incidents.iter().filter(|i| i.status == "triggered").count();
    if triggered > 0 {
        println!("🔥 {triggered} | color=red");
    } else {
        println!("🟢 {} | color=green", incidents.len());
    }
    println!("---");

    for incident in &incidents {
        println!("{} [{}] | href={}", incident.title, incident.urgency, incident.html_url);
        if incident.status == "triggered" {
            let exe = std::env::current_exe()?;
            println!(
                "--Acknowledge | bash={} param1=ack param2={} terminal=false refresh=true",
                exe.display(),
                incident.id
            );
        }
    }

    println!("---");
    println!("Customer escalations: {}", escalations.len());
    for e in escalations.iter().take(10) {
        println!("--{} ({}) | href=https://support.example.com/tickets/{}", e.subject, e.account, e.ticket_id);
    }
    println!("---");
    println!("Refresh | refresh=true");
    Ok(())
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None => render(),
        Some("ack") => {
            let id = args.get(1).ok_or_else(|| anyhow::anyhow!("ack needs an incident id"))?;
            PagerDuty::from_env()?.acknowledge(id)
        }
        Some(other) => anyhow::bail!("unknown action {other}"),
    }
}
