//! Usage: ledger-export --date 2024-11-30 --bucket finance-exports gl_entries gl_accounts
//!
//! Run by hand (or from the month-end runbook); connects once, exports each
//! table, disconnects and exits.

mod csv;

use anyhow::{bail, Result};
use object_store::aws::AmazonS3Builder;
use object_store::path::Path;
use object_store::{ObjectStore, PutPayload};
use tiberius::{AuthMethod, Client, Config};
use tokio::net::TcpStream;
use tokio_util::compat::TokioAsyncWriteCompatExt;

struct Args {
    date: String,
    bucket: String,
    tables: Vec<String>,
}

fn parse_args() -> Result<Args> {
    use lexopt::prelude::*;

    let mut date = None;
    let mut bucket = None;
    let mut tables = Vec::new();
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("date") => date = Some(parser.value()?.string()?),
            Long("bucket") => bucket = Some(parser.value()?.string()?),
            Value(table) => tables.push(table.string()?),
            Long("help") => {
                println!("ledger-export --date YYYY-MM-DD --bucket NAME TABLE...");
                std::process::exit(0);
            }
            _ => return Err(arg.unexpected().into()),
        }
    }
    let (Some(date), Some(bucket)) = (date, bucket) else {
        bail!("--date and --bucket are required");
    };
    if tables.is_empty() {
        bail!("name at least one table");
    }
    Ok(Args { date, bucket, tables })
}

const ALLOWED: &[&str] = &["gl_entries", "gl_accounts", "gl_journals"];

#[tokio::main]
async fn main() -> Result<()> {
    let args = parse_args()?;

    let mut config = Config::new();
    config.host(std::env::var("MSSQL_HOST")?);
    config.port(1433);
    config.database("Finance");
    config.authentication(AuthMethod::sql_server(
        std::env::var("MSSQL_USER")?,
        std::env::var("MSSQL_PASSWORD")?,
    ));
    config.trust_cert();

    let tcp = TcpStream::connect(config.get_addr()).await?;
    tcp.set_nodelay(true)?;
    let mut client = Client::connect(config, tcp.compat_write()).await?;

    let store = AmazonS3Builder::from_env()
        .with_bucket_name(&args.bucket)
        .build()?;

    for table in &args.tables {
        if !ALLOWED.contains(&table.as_str()) {
            bail!("table {table} is not exportable");
        }
        let rows = client
            .query(
                format!("SELECT * FROM dbo.{table} WHERE CAST(posted_at AS date) = @P1"),
                &[&args.date.as_str()],
            )
            .await?
            .into_first_result()
            .await?;

        let body = csv::rows_to_csv(&rows);
        let key = Path::from(format!("ledger/{}/{table}.csv", args.date));
        store.put(&key, PutPayload::from(body)).await?;
        println!("exported {} rows from {table} to s3://{}/{key}", rows.len(), args.bucket);
    }

    client.close().await?;
    Ok(())
}
