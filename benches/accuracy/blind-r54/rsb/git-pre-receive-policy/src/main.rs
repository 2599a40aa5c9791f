//! Installed as hooks/pre-receive on the git server. git runs it once per
//! push, feeding one "<old-sha> <new-sha> <refname>" line per updated ref.
//! Any message on stderr is relayed to the pusher; a non-zero exit rejects
//! the whole push.

mod ci;
mod policy;

use std::io::BufRead;

use anyhow::{Context, Result};

const ZERO: &str = "0000000000000000000000000000000000000000";

async fn check_ref(
    pool: &sqlx::PgPool,
    http: &reqwest::Client,
    ci_base: &str,
    repo: &str,
    pusher: &str,
    (old, new, refname): (&str, &str, &str),
) -> Result<Option<String>> {
    let Some(rule) = policy::protection_for(pool, repo, refname).await? else {
        return Ok(None);
    };
    if new == ZERO {
        return Ok(Some(format!("{}: deleting a protected branch is not allowed", refname)));
    }
    if !rule.allowed_pushers.is_empty() && !rule.allowed_pushers.iter().any(|p| p == pusher) {
        return Ok(Some(format!("{}: {} may not push here", refname, pusher)));
    }
    if !rule.allow_force_push && !ci::is_fast_forward(old, new) {
        return Ok(Some(format!("{}: force pushes are disabled", refname)));
    }
    if rule.require_ci && !ci::is_green(http, ci_base, repo, new).await? {
        return Ok(Some(format!("{}: {} has no green pipeline yet", refname, &new[..10])));
    }
    Ok(None)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<()> {
    let database_url = std::env::var("POLICY_DATABASE_URL").context("POLICY_DATABASE_URL")?;
    let ci_base = std::env::var("CI_API_URL").unwrap_or_else(|_| "https://ci.internal".to_string());
    let repo = std::env::var("GL_PROJECT_PATH")
        .or_else(|_| std::env::var("GIT_DIR"))
        .unwrap_or_default();
    let pusher = std::env::var("GL_USERNAME").unwrap_or_else(|_| "unknown".to_string());

    let updates: Vec<String> = std::io::stdin().lock().lines().collect::<Result<_, _>>()?;

    let pool = policy::connect(&database_url).await?;
    let http = ci::client()?;

    let mut rejections = Vec::new();
    for line in &updates {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let [old, new, refname] = parts[..] else { continue };
        let verdict = check_ref(&pool, &http, &ci_base, &repo, &pusher, (old, new, refname)).await?;
        policy::log_push(&pool, &repo, &pusher, refname, new, verdict.is_none()).await?;
        if let Some(reason) = verdict {
            rejections.push(reason);
        }
    }
    pool.close().await;

    if rejections.is_empty() {
        return Ok(());
    }
    for reason in &rejections {
        eprintln!("policy: {}", reason);
    }
    std::process::exit(1);
}
