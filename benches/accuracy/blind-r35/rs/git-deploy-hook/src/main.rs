//! git post-receive hook. One process per push: reads the updated refs from
//! stdin, records each new commit on a deploy branch and links tickets.

use std::io::{self, BufRead};

use git2::{Oid, Repository};
use postgres::{Client, NoTls};
use regex::Regex;
use serde_json::json;

struct RefUpdate {
    old: Oid,
    new: Oid,
    name: String,
}

fn read_updates() -> anyhow::Result<Vec<RefUpdate>> {
    let mut out = Vec::new();
    for line in io::stdin().lock().lines() {
        let line = line?;
        let mut parts = line.split_whitespace();
        let (Some(old), Some(new), Some(name)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        out.push(RefUpdate { old: Oid::from_str(old)?, new: Oid::from_str(new)?, name: name.to_string() });
    }
    Ok(out)
}

fn main() -> anyhow::Result<()> {
    let updates = read_updates()?;
    let deploys: Vec<&RefUpdate> = updates
        .iter()
        .filter(|u| u.name.starts_with("refs/heads/release/") && !u.new.is_zero())
        .collect();
    if deploys.is_empty() {
        return Ok(());
    }

    let repo = Repository::open_from_env()?;
    let repo_name = repo
        .path()
        .file_name()
        .map(|n| n.to_string_lossy().trim_end_matches(".git").to_string())
        .unwrap_or_default();
    let ticket_re = Regex::new(r"\b([A-Z]{2,8}-\d+)\b")?;

    let dsn = std::env::var("DEPLOY_LOG_DSN")
        .unwrap_or_else(|_| "host=deploy-db user=git_hook dbname=deploys".to_string());
    let mut db = Client::connect(&dsn, NoTls)?;
    let mut pushed = 0usize;

    for update in deploys {
        let mut walk = repo.revwalk()?;
        walk.push(update.new)?;
        if !update.old.is_zero() {
            walk.hide(update.old)?;
        }

        let mut tx = db.transaction()?;
        for oid in walk {
            let commit = repo.find_commit(oid?)?;
            let msg = commit.message().unwrap_or("");
            let sha = commit.id().to_string();
            tx.execute(
                "INSERT INTO deploy_commits (repo, branch, sha, author, summary)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (repo, sha) DO NOTHING",
                &[&repo_name, &update.name, &sha, &commit.author().name().unwrap_or("?"), &commit.summary().unwrap_or("")],
            )?;
            for cap in ticket_re.captures_iter(msg) {
                tx.execute(
                    "INSERT INTO ticket_links (ticket, repo, sha) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    &[&cap[1].to_string(), &repo_name, &sha],
                )?;
            }
            pushed += 1;
        }
        tx.commit()?;
    }
    db.close()?;

    if let Ok(hook) = std::env::var("DEPLOY_CHAT_WEBHOOK") {
        let res = ureq::post(&hook).send_json(json!({
            "text": format!("{repo_name}: {pushed} commit(s) pushed to release branches"),
        }));
        if let Err(e) = res {
            eprintln!("chat notification failed: {e}");
        }
    }
    println!("deploy-hook: recorded {pushed} commit(s)");
    Ok(())
}
