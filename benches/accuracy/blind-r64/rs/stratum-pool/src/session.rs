use std::sync::Arc;

use deadpool_postgres::Object;
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::watch;

use crate::shares::{ShareStore, INSERT_SHARE, WORKER_EXISTS};
use crate::Job;

const DIFFICULTY: f64 = 65536.0;

/// Per-miner state for the life of the TCP connection (rigs stay connected for days).
struct MinerSession {
    db: Object,
    extranonce1: String,
    worker: Option<String>,
}

pub async fn run(stream: TcpStream, shares: Arc<ShareStore>, mut jobs: watch::Receiver<Job>) -> anyhow::Result<()> {
    let (read_half, mut write_half) = stream.into_split();
    let mut lines = BufReader::new(read_half).lines();

    let mut session = MinerSession {
        db: shares.pool.get().await?,
        extranonce1: format!("{:08x}", rand::random::<u32>()),
        worker: None,
    };

    loop {
        tokio::select! {
            line = lines.next_line() => {
                let Some(line) = line? else { break };
                let Ok(req) = serde_json::from_str::<Value>(&line) else { continue };
                let id = req["id"].clone();
                let params = req["params"].as_array().cloned().unwrap_or_default();
                let reply = match req["method"].as_str().unwrap_or("") {
                    "mining.subscribe" => json!({"id": id, "error": null, "result": [
                        [["mining.set_difficulty", "d1"], ["mining.notify", "n1"]],
                        session.extranonce1, 4
                    ]}),
                    "mining.authorize" => {
                        let name = params.first().and_then(Value::as_str).unwrap_or("").to_string();
                        let ok = session.db.query_opt(WORKER_EXISTS, &[&name]).await?.is_some();
                        if ok {
                            session.worker = Some(name);
                            let diff = json!({"id": null, "method": "mining.set_difficulty", "params": [DIFFICULTY]});
                            write_half.write_all(format!("{diff}\n").as_bytes()).await?;
                        }
                        json!({"id": id, "error": null, "result": ok})
                    }
                    "mining.submit" => {
                        let accepted = submit(&session, &params).await?;
                        json!({"id": id, "error": if accepted { Value::Null } else { json!([23, "Low difficulty share", null]) }, "result": accepted})
                    }
                    other => json!({"id": id, "error": [20, format!("unknown method {other}"), null], "result": null}),
                };
                write_half.write_all(format!("{reply}\n").as_bytes()).await?;
            }
            changed = jobs.changed() => {
                if changed.is_err() { break; }
                let job = jobs.borrow().clone();
                let notify = json!({"id": null, "method": "mining.notify", "params": [
                    job.id, job.prev_hash, job.coinb1, job.coinb2, job.merkle_branch,
                    job.version, job.nbits, job.ntime, job.clean
                ]});
                write_half.write_all(format!("{notify}\n").as_bytes()).await?;
            }
        }
    }
    Ok(())
}

async fn submit(session: &MinerSession, params: &[Value]) -> anyhow::Result<bool> {
    let Some(worker) = session.worker.as_deref() else { return Ok(false) };
    let field = |i: usize| params.get(i).and_then(Value::as_str).unwrap_or("").to_string();
    let (job_id, en2, ntime, nonce) = (field(1), field(2), field(3), field(4));
    if en2.len() != 8 || nonce.len() != 8 || hex::decode(&nonce).is_err() {
        return Ok(false);
    }
    let params: [&(dyn tokio_postgres::types::ToSql + Sync); 6] = [&worker, &job_id, &en2, &ntime, &nonce, &DIFFICULTY];
    session.db.execute(INSERT_SHARE, &params).await?;
    Ok(true)
}
