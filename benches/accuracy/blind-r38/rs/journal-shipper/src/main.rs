mod clients;
mod parse;

use std::time::Duration;

use elasticsearch::http::request::JsonBody;
use elasticsearch::{BulkParts, Elasticsearch};
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, BufReader};

const MAX_BATCH_DOCS: usize = 1_000;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let es = clients::elastic()?;
    let index = std::env::var("ES_INDEX").unwrap_or_else(|_| "journal-hosts".into());

    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    let mut batch: Vec<JsonBody<Value>> = Vec::with_capacity(MAX_BATCH_DOCS * 2);
    let mut unparsed = 0u64;
    let mut tick = tokio::time::interval(Duration::from_secs(2));

    loop {
        tokio::select! {
            line = lines.next_line() => {
                let Some(line) = line? else { break };
                match parse::entry(&line) {
                    Ok((_, entry)) => {
                        batch.push(json!({ "index": {} }).into());
                        batch.push(serde_json::to_value(&entry)?.into());
                    }
                    Err(_) => unparsed += 1,
                }
                if batch.len() >= MAX_BATCH_DOCS * 2 {
                    flush(&es, &index, &mut batch).await?;
                }
            }
            _ = tick.tick() => {
                flush(&es, &index, &mut batch).await?;
            }
        }
    }

    flush(&es, &index, &mut batch).await?;
    eprintln!("stdin closed; {unparsed} lines could not be parsed");
    Ok(())
}

async fn flush(es: &Elasticsearch, index: &str, batch: &mut Vec<JsonBody<Value>>) -> anyhow::Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let body = std::mem::take(batch);
    let docs = body.len() / 2;
    let resp = es.bulk(BulkParts::Index(index)).body(body).send().await?;
    let summary: Value = resp.json().await?;
    if summary["errors"].as_bool().unwrap_or(false) {
        eprintln!("bulk request for {docs} docs had item errors");
    }
    Ok(())
}
