use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use gumdrop::Options;
use sqlx::{Connection, PgConnection};

#[derive(Debug, Options)]
struct Args {
    #[options(help = "print help")]
    help: bool,
    #[options(help = "path to the git repository", default = ".")]
    repo: PathBuf,
    #[options(help = "name stored in commits.repository")]
    name: String,
    #[options(help = "stop after this many commits (0 = all)", default = "0")]
    limit: usize,
    #[options(help = "rows per transaction", default = "500")]
    batch: usize,
}

struct Row {
    sha: String,
    author: String,
    email: String,
    committed_at: i64,
    summary: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse_args_default_or_exit();
    anyhow::ensure!(!args.name.is_empty(), "--name is required");
    let database_url = std::env::var("METRICS_DATABASE_URL").context("METRICS_DATABASE_URL not set")?;

    let rows = read_history(&args)?;
    println!("read {} commits from {}", rows.len(), args.repo.display());

    let mut conn = connect_with_retry(&database_url).await?;
    let mut written = 0usize;
    for chunk in rows.chunks(args.batch.max(1)) {
        let mut tx = conn.begin().await?;
        for row in chunk {
            sqlx::query(
                "INSERT INTO commits (repository, sha, author, email, committed_at, summary) \
                 VALUES ($1, $2, $3, $4, to_timestamp($5), $6) ON CONFLICT (repository, sha) DO NOTHING",
            )
            .bind(&args.name)
            .bind(&row.sha)
            .bind(&row.author)
            .bind(&row.email)
            .bind(row.committed_at as f64)
            .bind(&row.summary)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        written += chunk.len();
        println!("  {written}/{}", rows.len());
    }

    conn.close().await?;
    println!("done");
    Ok(())
}

fn read_history(args: &Args) -> anyhow::Result<Vec<Row>> {
    let repo = gix::open(&args.repo).with_context(|| format!("opening {}", args.repo.display()))?;
    let head = repo.head_commit()?;
    let mut rows = Vec::new();
    for info in repo.rev_walk([head.id]).all()? {
        let info = info?;
        let commit = info.object()?;
        let author = commit.author()?;
        rows.push(Row {
            sha: info.id.to_string(),
            author: author.name.to_string(),
            email: author.email.to_string(),
            committed_at: commit.time()?.seconds,
            summary: commit.message()?.summary().to_string(),
        });
        if args.limit != 0 && rows.len() >= args.limit {
            break;
        }
    }
    Ok(rows)
}

/// The metrics database sits behind a bastion tunnel that can take a few
/// seconds to come up when the import is kicked off from CI.
async fn connect_with_retry(url: &str) -> anyhow::Result<PgConnection> {
    let mut attempt = 0u32;
    let conn = loop {
        attempt += 1;
        match PgConnection::connect(url).await {
            Ok(conn) => break conn,
            Err(err) if attempt < 5 => {
                eprintln!("connect attempt {attempt} failed: {err}; retrying");
                tokio::time::sleep(Duration::from_secs(2 * u64::from(attempt))).await;
            }
            Err(err) => return Err(err).context("could not reach metrics database"),
        }
    };
    Ok(conn)
}
