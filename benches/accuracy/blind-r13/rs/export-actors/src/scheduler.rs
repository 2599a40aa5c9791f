use std::time::Duration;

use deadpool_postgres::Pool;
use ractor::{call, Actor, ActorProcessingErr, ActorRef};
use tokio::io::AsyncWriteExt;

use crate::export::ExportMsg;

pub struct Scheduler;

pub struct SchedulerArgs {
    pub pool: Pool,
    pub exporter: ActorRef<ExportMsg>,
    pub out_dir: String,
}

pub enum SchedulerMsg {
    Tick,
}

impl Actor for Scheduler {
    type Msg = SchedulerMsg;
    type State = SchedulerArgs;
    type Arguments = SchedulerArgs;

    async fn pre_start(&self, myself: ActorRef<Self::Msg>, args: SchedulerArgs) -> Result<Self::State, ActorProcessingErr> {
        myself.send_interval(Duration::from_secs(30), || SchedulerMsg::Tick);
        Ok(args)
    }

    async fn handle(&self, _myself: ActorRef<Self::Msg>, msg: Self::Msg, state: &mut Self::State) -> Result<(), ActorProcessingErr> {
        match msg {
            SchedulerMsg::Tick => {
                let ids: Vec<i64> = {
                    let client = state.pool.get().await?;
                    client
                        .query("SELECT id FROM report_requests WHERE status = 'queued' ORDER BY id LIMIT 10", &[])
                        .await?
                        .iter()
                        .map(|r| r.get(0))
                        .collect()
                };

                for report_id in ids {
                    let export_id = call!(state.exporter, ExportMsg::Start, report_id)??;
                    let path = format!("{}/report-{report_id}.csv", state.out_dir);
                    let mut file = tokio::fs::File::create(&path).await?;
                    loop {
                        let page = call!(state.exporter, ExportMsg::FetchPage, export_id)??;
                        if page.is_empty() {
                            break;
                        }
                        for line in page {
                            file.write_all(line.as_bytes()).await?;
                            file.write_all(b"\n").await?;
                        }
                    }
                    file.flush().await?;

                    let client = state.pool.get().await?;
                    client
                        .execute("UPDATE report_requests SET status = 'done', path = $2 WHERE id = $1", &[&report_id, &path])
                        .await?;
                    state.exporter.cast(ExportMsg::Published(report_id, path))?;
                }
            }
        }
        Ok(())
    }
}
