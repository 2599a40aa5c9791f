//! git-annex external special remote protocol, version 1.
//! git-annex starts this program once per `git annex copy/get/drop/fsck` run and
//! then sends one request line per key over stdin.

mod index;
mod store;

use std::path::Path;

use anyhow::{anyhow, Result};
use sqlx::PgPool;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines, Stdin, Stdout};

struct Remote {
    lines: Lines<BufReader<Stdin>>,
    out: Stdout,
    bucket: String,
    region: String,
    primary_url: String,
    index: Option<PgPool>,
}

impl Remote {
    async fn send(&mut self, msg: &str) -> Result<()> {
        self.out.write_all(msg.as_bytes()).await?;
        self.out.write_all(b"\n").await?;
        self.out.flush().await?;
        Ok(())
    }

    async fn get_config(&mut self, name: &str) -> Result<String> {
        self.send(&format!("GETCONFIG {}", name)).await?;
        let reply = self.lines.next_line().await?.ok_or_else(|| anyhow!("git-annex went away"))?;
        Ok(reply.strip_prefix("VALUE ").unwrap_or("").trim().to_string())
    }

    async fn prepare(&mut self) -> Result<()> {
        self.bucket = self.get_config("bucket").await?;
        self.region = self.get_config("region").await?;
        self.primary_url = self.get_config("primaryurl").await?;
        let replica = self.get_config("indexurl").await?;
        self.index = Some(index::connect(&replica).await?);
        Ok(())
    }

    async fn transfer(&mut self, args: &str) -> Result<String> {
        let mut parts = args.splitn(3, ' ');
        let (dir, key, file) = match (parts.next(), parts.next(), parts.next()) {
            (Some(d), Some(k), Some(f)) => (d.to_string(), k.to_string(), f.to_string()),
            _ => return Ok("ERROR malformed TRANSFER".to_string()),
        };
        let s3 = store::client(&self.region).await;
        let res = match dir.as_str() {
            "STORE" => match store::upload(&s3, &self.bucket, &key, Path::new(&file)).await {
                Ok(size) => index::record_stored(&self.primary_url, &key, size).await,
                Err(e) => Err(e),
            },
            "RETRIEVE" => store::download(&s3, &self.bucket, &key, Path::new(&file)).await,
            other => return Ok(format!("TRANSFER-FAILURE {} {} unknown direction", other, key)),
        };
        Ok(match res {
            Ok(()) => format!("TRANSFER-SUCCESS {} {}", dir, key),
            Err(e) => format!("TRANSFER-FAILURE {} {} {}", dir, key, e),
        })
    }

    async fn check_present(&mut self, key: &str) -> Result<String> {
        let pool = match &self.index {
            Some(p) => p,
            None => return Ok(format!("CHECKPRESENT-UNKNOWN {} remote not prepared", key)),
        };
        Ok(match index::is_present(pool, key).await {
            Ok(Some(true)) => format!("CHECKPRESENT-SUCCESS {}", key),
            Ok(_) => format!("CHECKPRESENT-FAILURE {}", key),
            Err(e) => format!("CHECKPRESENT-UNKNOWN {} {}", key, e),
        })
    }

    async fn remove(&mut self, key: &str) -> Result<String> {
        let s3 = store::client(&self.region).await;
        Ok(match store::delete(&s3, &self.bucket, key).await {
            Ok(()) => format!("REMOVE-SUCCESS {}", key),
            Err(e) => format!("REMOVE-FAILURE {} {}", key, e),
        })
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<()> {
    let mut remote = Remote {
        lines: BufReader::new(tokio::io::stdin()).lines(),
        out: tokio::io::stdout(),
        bucket: String::new(),
        region: "eu-west-1".to_string(),
        primary_url: String::new(),
        index: None,
    };
    remote.send("VERSION 1").await?;

    while let Some(line) = remote.lines.next_line().await? {
        let (cmd, rest) = line.split_once(' ').unwrap_or((line.as_str(), ""));
        let reply = match cmd {
            "EXTENSIONS" => "EXTENSIONS".to_string(),
            "INITREMOTE" => "INITREMOTE-SUCCESS".to_string(),
            "PREPARE" => match remote.prepare().await {
                Ok(()) => "PREPARE-SUCCESS".to_string(),
                Err(e) => format!("PREPARE-FAILURE {}", e),
            },
            "TRANSFER" => remote.transfer(rest).await?,
            "CHECKPRESENT" => remote.check_present(rest).await?,
            "REMOVE" => remote.remove(rest).await?,
            "GETCOST" => "COST 200".to_string(),
            "GETAVAILABILITY" => "AVAILABILITY GLOBAL".to_string(),
            "ERROR" => return Err(anyhow!("git-annex error: {}", rest)),
            _ => "UNSUPPORTED-REQUEST".to_string(),
        };
        remote.send(&reply).await?;
    }
    Ok(())
}
