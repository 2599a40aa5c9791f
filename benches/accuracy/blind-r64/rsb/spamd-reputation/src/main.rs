//! Exim's `spam = nobody:true` ACL condition connects once per incoming message.

mod protocol;
mod reputation;
mod rules;
mod uribl;

use std::env;
use std::sync::Arc;

use anyhow::Result;
use tokio::io::{AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

struct Scorer {
    rules: rules::Rules,
    reputation: reputation::Reputation,
    doh_url: String,
    threshold: f32,
}

fn sender_domain(headers: &str) -> Option<String> {
    headers
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("from:"))
        .and_then(|l| l.rsplit('@').next())
        .map(|d| d.trim_end_matches(|c: char| c == '>' || c.is_whitespace()).to_ascii_lowercase())
}

async fn serve(stream: TcpStream, scorer: Arc<Scorer>) -> Result<()> {
    let (rd, mut wr) = stream.into_split();
    let mut rd = BufReader::new(rd);
    let req = protocol::read(&mut rd).await?;
    let text = String::from_utf8_lossy(&req.message);
    let (headers, body) = text.split_once("\r\n\r\n").or_else(|| text.split_once("\n\n")).unwrap_or((&*text, ""));

    let mut hits = Vec::new();
    let mut score = scorer.rules.score(headers, &mut hits);
    if let Some(domain) = sender_domain(headers) {
        score += scorer.reputation.score(&domain, &mut hits).await?;
    }
    score += uribl::check(&scorer.doh_url, body, &mut hits).await.unwrap_or(0.0);
    scorer.rules.count_hits(&hits).await?;

    tracing::info!(user = ?req.user, score, ?hits, "scored");
    let out = protocol::reply(&req.command, score, scorer.threshold, &hits);
    wr.write_all(out.as_bytes()).await?;
    wr.shutdown().await?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt::init();
    let db_url = env::var("MAIL_ADMIN_DATABASE_URL")?;
    let scorer = Arc::new(Scorer {
        rules: rules::Rules::load(&db_url).await?,
        reputation: reputation::Reputation::connect(&db_url).await?,
        doh_url: env::var("DOH_URL").unwrap_or_else(|_| "https://cloudflare-dns.com/dns-query".into()),
        threshold: env::var("SPAM_THRESHOLD").ok().and_then(|v| v.parse().ok()).unwrap_or(5.0),
    });

    let listener = TcpListener::bind("127.0.0.1:783").await?;
    loop {
        let (stream, peer) = listener.accept().await?;
        let scorer = Arc::clone(&scorer);
        tokio::spawn(async move {
            if let Err(e) = serve(stream, scorer).await {
                tracing::warn!(%peer, "spamd request failed: {e:#}");
            }
        });
    }
}
