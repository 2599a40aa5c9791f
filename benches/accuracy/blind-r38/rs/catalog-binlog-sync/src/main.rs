mod enrich;
mod search;

use std::env;

use futures_util::StreamExt;
use mysql_async::binlog::events::EventData;
use mysql_async::binlog::row::BinlogRow;
use mysql_async::binlog::value::BinlogValue;
use mysql_async::prelude::*;
use mysql_async::{BinlogStreamRequest, Conn, Opts, Pool, Row, Value};
use redis::AsyncCommands;

const CHECKPOINT_FILE: &str = "/var/lib/catalog-sync/checkpoint";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let replica = Pool::new(Opts::from_url(&env::var("CATALOG_REPLICA_URL")?)?);
    let server_id: u32 = env::var("SYNC_SERVER_ID")
        .unwrap_or_else(|_| "4107".into())
        .parse()?;

    let mut source = Conn::new(Opts::from_url(&env::var("BINLOG_SOURCE_URL")?)?).await?;
    let (mut current_file, pos) = match read_checkpoint().await {
        Some(cp) => cp,
        None => {
            let status: Row = source
                .query_first("SHOW MASTER STATUS")
                .await?
                .ok_or_else(|| anyhow::anyhow!("binary logging is disabled on the source"))?;
            (status.get::<String, _>(0).unwrap_or_default(), status.get::<u64, _>(1).unwrap_or(4))
        }
    };

    let mut stream = source
        .get_binlog_stream(
            BinlogStreamRequest::new(server_id)
                .with_filename(current_file.as_bytes())
                .with_pos(pos),
        )
        .await?;
    tracing::info!(file = %current_file, pos, "tailing binlog");

    while let Some(event) = stream.next().await {
        let event = event?;
        match event.read_data()? {
            Some(EventData::RotateEvent(rotate)) => {
                current_file = rotate.name().into_owned();
            }
            Some(EventData::RowsEvent(rows)) => {
                let Some(tme) = stream.get_tme(rows.table_id()) else { continue };
                let table = tme.table_name().into_owned();
                for row in rows.rows(tme) {
                    let (before, after) = row?;
                    let Some(image) = after.or(before) else { continue };
                    if let Err(err) = apply_change(&replica, &table, &image).await {
                        tracing::warn!(%table, error = %err, "change not propagated");
                    }
                }
                save_checkpoint(&current_file, event.header().log_pos()).await?;
            }
            _ => {}
        }
    }
    Ok(())
}

async fn apply_change(replica: &Pool, table: &str, image: &BinlogRow) -> anyhow::Result<()> {
    let Some(id) = column_u64(image, 0) else { return Ok(()) };
    match table {
        "products" => reindex_product(id).await,
        "inventory" => {
            let mut conn = replica.get_conn().await?;
            let product_id: Option<u64> = conn
                .exec_first("SELECT product_id FROM inventory WHERE id = ?", (id,))
                .await?;
            drop(conn);
            match product_id {
                Some(pid) => reindex_product(pid).await,
                None => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

async fn reindex_product(id: u64) -> anyhow::Result<()> {
    let doc = enrich::product_document(id).await?;

    let http = search::client();
    let url = format!("{}/indexes/products/documents", env::var("MEILI_URL")?);
    http.post(url)
        .bearer_auth(env::var("MEILI_MASTER_KEY")?)
        .json(&[doc])
        .send()
        .await?
        .error_for_status()?;

    let cache = redis::Client::open(env::var("REDIS_URL")?)?;
    let mut con = cache.get_multiplexed_async_connection().await?;
    let _: () = con.del(format!("catalog:product:{id}")).await?;
    Ok(())
}

fn column_u64(row: &BinlogRow, idx: usize) -> Option<u64> {
    match row.as_ref(idx)? {
        BinlogValue::Value(Value::Int(v)) => u64::try_from(*v).ok(),
        BinlogValue::Value(Value::UInt(v)) => Some(*v),
        _ => None,
    }
}

async fn read_checkpoint() -> Option<(String, u64)> {
    let raw = tokio::fs::read_to_string(CHECKPOINT_FILE).await.ok()?;
    let (file, pos) = raw.trim().split_once(':')?;
    Some((file.to_string(), pos.parse().ok()?))
}

async fn save_checkpoint(file: &str, pos: u32) -> std::io::Result<()> {
    let tmp = format!("{CHECKPOINT_FILE}.tmp");
    tokio::fs::write(&tmp, format!("{file}:{pos}")).await?;
    tokio::fs::rename(&tmp, CHECKPOINT_FILE).await
}
