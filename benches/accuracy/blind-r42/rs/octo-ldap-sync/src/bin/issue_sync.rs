//! Long-running worker: mirrors issues of the tracked repositories every 5 minutes.

use std::time::Duration;

use chrono::{DateTime, Utc};
use octocrab::{models::issues::Issue, params, Octocrab};
use octo_ldap_sync::db;
use sqlx::PgPool;

const REPOS: &[(&str, &str)] = &[("acme", "platform"), ("acme", "billing"), ("acme", "mobile")];

async fn upsert(pool: &PgPool, repo: &str, issue: &Issue) -> anyhow::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO gh_issues (repo, number, title, state, updated_at, url) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (repo, number) DO UPDATE SET title = EXCLUDED.title, state = EXCLUDED.state, \
         updated_at = EXCLUDED.updated_at",
    )
    .bind(repo)
    .bind(issue.number as i64)
    .bind(&issue.title)
    .bind(format!("{:?}", issue.state))
    .bind(issue.updated_at)
    .bind(issue.html_url.as_str())
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM gh_issue_assignees WHERE repo = $1 AND number = $2")
        .bind(repo)
        .bind(issue.number as i64)
        .execute(&mut *tx)
        .await?;
    for a in &issue.assignees {
        sqlx::query("INSERT INTO gh_issue_assignees (repo, number, login) VALUES ($1, $2, $3)")
            .bind(repo)
            .bind(issue.number as i64)
            .bind(&a.login)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn sync_repo(gh: &Octocrab, pool: &PgPool, owner: &str, name: &str, since: DateTime<Utc>) -> anyhow::Result<usize> {
    let page = gh
        .issues(owner, name)
        .list()
        .state(params::State::All)
        .since(since)
        .per_page(100)
        .send()
        .await?;
    let issues = gh.all_pages(page).await?;
    let repo = format!("{owner}/{name}");
    for issue in &issues {
        upsert(pool, &repo, issue).await?;
    }
    Ok(issues.len())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = db::make_pool(5).await?;
    let gh = Octocrab::builder()
        .personal_token(std::env::var("GITHUB_TOKEN")?)
        .build()?;

    let mut since = Utc::now() - chrono::Duration::days(7);
    let mut tick = tokio::time::interval(Duration::from_secs(300));
    loop {
        tick.tick().await;
        let started = Utc::now();
        for (owner, name) in REPOS {
            match sync_repo(&gh, &pool, owner, name, since).await {
                Ok(n) => println!("{owner}/{name}: {n} issue(s) updated"),
                Err(e) => eprintln!("{owner}/{name}: sync failed: {e}"),
            }
        }
        since = started;
    }
}
