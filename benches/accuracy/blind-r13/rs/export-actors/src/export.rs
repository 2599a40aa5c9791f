use std::collections::HashMap;

use deadpool_postgres::{Object, Pool};
use ractor::{Actor, ActorProcessingErr, ActorRef, RpcReplyPort};
use redis::AsyncCommands;
use uuid::Uuid;

pub struct Exporter;

pub struct ExporterArgs {
    pub pool: Pool,
    pub redis_url: String,
}

pub struct ExporterState {
    pool: Pool,
    redis_url: String,
    /// Exports in progress: one pooled connection holding an open cursor each.
    open: HashMap<Uuid, (Object, String)>,
}

#[derive(Debug)]
pub enum ExportMsg {
    Start(i64, RpcReplyPort<Result<Uuid, String>>),
    FetchPage(Uuid, RpcReplyPort<Result<Vec<String>, String>>),
    Published(i64, String),
}

impl Actor for Exporter {
    type Msg = ExportMsg;
    type State = ExporterState;
    type Arguments = ExporterArgs;

    async fn pre_start(&self, _myself: ActorRef<Self::Msg>, args: ExporterArgs) -> Result<Self::State, ActorProcessingErr> {
        Ok(ExporterState { pool: args.pool, redis_url: args.redis_url, open: HashMap::new() })
    }

    async fn handle(&self, _myself: ActorRef<Self::Msg>, msg: Self::Msg, state: &mut Self::State) -> Result<(), ActorProcessingErr> {
        match msg {
            ExportMsg::Start(report_id, reply) => {
                let export_id = Uuid::new_v4();
                let cursor = format!("exp_{}", export_id.simple());
                let client = state.pool.get().await?;
                client.batch_execute("BEGIN READ ONLY").await?;
                client
                    .execute(
                        &format!("DECLARE {cursor} NO SCROLL CURSOR FOR SELECT line FROM report_lines WHERE report_id = $1 ORDER BY seq"),
                        &[&report_id],
                    )
                    .await?;
                state.open.insert(export_id, (client, cursor));
                let _ = reply.send(Ok(export_id));
            }
            ExportMsg::FetchPage(export_id, reply) => {
                let Some((client, cursor)) = state.open.get(&export_id) else {
                    let _ = reply.send(Err(format!("unknown export {export_id}")));
                    return Ok(());
                };
                let rows = client.query(&format!("FETCH 500 FROM {cursor}"), &[]).await?;
                let lines: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
                if lines.is_empty() {
                    if let Some((client, _)) = state.open.remove(&export_id) {
                        client.batch_execute("COMMIT").await?;
                    }
                }
                let _ = reply.send(Ok(lines));
            }
            ExportMsg::Published(report_id, path) => {
                let client = redis::Client::open(state.redis_url.as_str())?;
                let mut conn = client.get_multiplexed_async_connection().await?;
                let _: () = conn.publish("exports.ready", format!("{report_id}:{path}")).await?;
            }
        }
        Ok(())
    }
}
