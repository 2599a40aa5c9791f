mod queue;
mod store;
mod tasks;

use backie::{PgTaskStore, QueueConfig, WorkerPool};

use crate::tasks::{AppCtx, PurgeOriginalTask, RenditionTask};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    // Task store for backie.
    let task_pool = queue::task_pool().await?;
    let task_store = PgTaskStore::new(task_pool);

    // Application data (media rows, rendition rows).
    let ctx = AppCtx { db: store::app_pool().await? };

    let (join_handle, _queue) = WorkerPool::new(task_store, move || ctx.clone())
        .register_task_type::<RenditionTask>()
        .register_task_type::<PurgeOriginalTask>()
        .configure_queue(QueueConfig::new("media").num_workers(6))
        .start(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;

    log::info!("media workers started");
    join_handle.await?;
    Ok(())
}
