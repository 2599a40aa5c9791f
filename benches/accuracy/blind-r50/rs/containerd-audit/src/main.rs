mod db;

use containerd_client::services::v1::events_client::EventsClient;
use containerd_client::services::v1::{Envelope, SubscribeRequest};
use containerd_client::{connect, events, with_namespace};
use prost::Message;
use sqlx::PgPool;
use containerd_client::tonic::Request;

const NAMESPACE: &str = "k8s.io";

async fn record(pool: &PgPool, node: &str, env: Envelope) -> anyhow::Result<()> {
    let Some(any) = env.event else { return Ok(()) };
    let mut tx = pool.begin().await?;
    match env.topic.as_str() {
        "/tasks/start" => {
            let ev = events::TaskStart::decode(any.value.as_slice())?;
            sqlx::query("INSERT INTO task_events (node, container_id, kind, pid) VALUES ($1, $2, 'start', $3)")
                .bind(node)
                .bind(&ev.container_id)
                .bind(ev.pid as i64)
                .execute(&mut *tx)
                .await?;
        }
        "/tasks/exit" => {
            let ev = events::TaskExit::decode(any.value.as_slice())?;
            sqlx::query("INSERT INTO task_events (node, container_id, kind, exit_status) VALUES ($1, $2, 'exit', $3)")
                .bind(node)
                .bind(&ev.container_id)
                .bind(ev.exit_status as i64)
                .execute(&mut *tx)
                .await?;
            if ev.exit_status != 0 {
                sqlx::query("UPDATE containers SET crash_count = crash_count + 1 WHERE id = $1")
                    .bind(&ev.container_id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        "/tasks/oom" => {
            let ev = events::TaskOom::decode(any.value.as_slice())?;
            sqlx::query("INSERT INTO task_events (node, container_id, kind) VALUES ($1, $2, 'oom')")
                .bind(node)
                .bind(&ev.container_id)
                .execute(&mut *tx)
                .await?;
        }
        // not interesting: the transaction is dropped and rolled back
        _ => return Ok(()),
    }
    tx.commit().await?;
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let node = std::env::var("NODE_NAME")?;
    let pool = db::connect_with_retry(&std::env::var("DATABASE_URL")?).await?;

    let channel = connect("/run/containerd/containerd.sock").await?;
    let mut client = EventsClient::new(channel);
    let req = SubscribeRequest { filters: vec!["topic~=\"/tasks/\"".to_string()] };
    let req = with_namespace!(req, NAMESPACE);
    let mut stream = client.subscribe(req).await?.into_inner();

    while let Some(envelope) = stream.message().await? {
        let topic = envelope.topic.clone();
        if let Err(e) = record(&pool, &node, envelope).await {
            tracing::error!(%topic, error = %e, "failed to record task event");
        }
    }
    tracing::warn!("containerd event stream closed");
    pool.close().await;
    Ok(())
}
