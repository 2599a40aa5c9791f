//! `jpick [JQL]` — fuzzy-find one of your Jira tickets and check out a branch.
//!
//! The right-hand pane shows the ticket description and latest comments for
//! whatever line is highlighted.

mod cache;
mod item;
mod jira;

use std::process::Command;
use std::sync::Arc;

use anyhow::{bail, Context};
use skim::prelude::*;

use item::TicketItem;

const DEFAULT_JQL: &str =
    "assignee = currentUser() AND resolution = Unresolved ORDER BY updated DESC";

fn branch_name(key: &str, summary: &str) -> String {
    let slug: String = summary
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .take(6)
        .collect::<Vec<_>>()
        .join("-");
    format!("{}/{}", key.to_lowercase(), slug)
}

fn main() -> anyhow::Result<()> {
    let jql = std::env::args().nth(1).unwrap_or_else(|| DEFAULT_JQL.to_string());

    let http = jira::client();
    let issues = jira::search(&http, &jql).context("searching Jira")?;
    if issues.is_empty() {
        bail!("no tickets match: {jql}");
    }

    let options = SkimOptionsBuilder::default()
        .height(Some("70%"))
        .multi(false)
        .prompt(Some("ticket> "))
        .preview(Some(""))
        .preview_window(Some("right:60%:wrap"))
        .build()?;

    let (tx, rx): (SkimItemSender, SkimItemReceiver) = unbounded();
    for issue in issues {
        tx.send(Arc::new(TicketItem {
            key: issue.key,
            summary: issue.fields.summary,
            status: issue.fields.status.name,
        }))?;
    }
    drop(tx);

    let Some(out) = Skim::run_with(&options, Some(rx)) else {
        return Ok(());
    };
    if out.is_abort {
        return Ok(());
    }

    for selected in out.selected_items.iter() {
        let Some(ticket) = (**selected).as_any().downcast_ref::<TicketItem>() else {
            continue;
        };
        let branch = branch_name(&ticket.key, &ticket.summary);
        let status = Command::new("git")
            .args(["switch", "-c", &branch])
            .status()
            .context("running git")?;
        if !status.success() {
            Command::new("git").args(["switch", &branch]).status()?;
        }
        println!("{} -> {}", ticket.key, branch);
    }
    Ok(())
}
