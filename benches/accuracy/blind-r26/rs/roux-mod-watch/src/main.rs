//! Watches a few subreddits for posts that mention our products and pings the
//! community team's Slack channel. Runs as a single long-lived container.
mod notify;

use std::time::Duration;

use roux::Subreddit;
use sqlx::postgres::PgPoolOptions;

const SUBREDDITS: &[&str] = &["rust", "selfhosted", "homelab"];
const KEYWORDS: &[&str] = &["acmedb", "acme db", "acme-cloud"];

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // Supabase transaction pooler endpoint (shared with the web app).
    let database_url = std::env::var("DATABASE_URL").unwrap_or_else(|_| {
        "postgres://postgres.abcd1234:secret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres".into()
    });
    let pool = PgPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(Duration::from_secs(10))
        .connect(&database_url)
        .await?;

    let subs: Vec<(&str, Subreddit)> = SUBREDDITS.iter().map(|n| (*n, Subreddit::new(n))).collect();
    let mut ticker = tokio::time::interval(Duration::from_secs(90));
    loop {
        ticker.tick().await;
        for (name, sub) in &subs {
            let latest = match sub.latest(50, None).await {
                Ok(listing) => listing,
                Err(e) => {
                    eprintln!("r/{name}: {e:?}");
                    continue;
                }
            };

            for child in latest.data.children {
                let post = child.data;
                let haystack = format!("{} {}", post.title, post.selftext).to_lowercase();
                if !KEYWORDS.iter().any(|k| haystack.contains(k)) {
                    continue;
                }

                let mut conn = pool.acquire().await?;
                sqlx::query("BEGIN").execute(&mut *conn).await?;
                let seen: Option<(String,)> = sqlx::query_as("SELECT id FROM seen_posts WHERE id = $1 FOR UPDATE")
                    .bind(&post.id)
                    .fetch_optional(&mut *conn)
                    .await?;
                if seen.is_some() {
                    continue;
                }
                sqlx::query("INSERT INTO seen_posts (id, subreddit, title, permalink) VALUES ($1, $2, $3, $4)")
                    .bind(&post.id)
                    .bind(*name)
                    .bind(&post.title)
                    .bind(&post.permalink)
                    .execute(&mut *conn)
                    .await?;
                sqlx::query("COMMIT").execute(&mut *conn).await?;

                if let Err(e) = notify::slack(name, &post.title, &post.permalink).await {
                    eprintln!("slack notify failed: {e}");
                }
            }
        }
    }
}
