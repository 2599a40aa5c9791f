mod jobs;
mod shared;

use fang::asynk::async_queue::{AsyncQueue, AsyncQueueable};
use fang::asynk::async_worker_pool::AsyncWorkerPool;
use fang::AsyncRunnable;
use tokio_postgres::NoTls;

use crate::jobs::PlanDigests;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let queue_url = std::env::var("QUEUE_DATABASE_URL")?;
    let mut queue = AsyncQueue::builder().uri(queue_url).max_pool_size(4_u32).build();
    queue.connect(NoTls).await?;

    // Registers (idempotently, `uniq`) the daily planner.
    queue.schedule_task(&PlanDigests {} as &dyn AsyncRunnable).await?;

    let mut pool: AsyncWorkerPool<AsyncQueue<NoTls>> = AsyncWorkerPool::builder()
        .number_of_workers(6_u32)
        .queue(queue.clone())
        .build();
    pool.start().await;

    tokio::signal::ctrl_c().await?;
    Ok(())
}
