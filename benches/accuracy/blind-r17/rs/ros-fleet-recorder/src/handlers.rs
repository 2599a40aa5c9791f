use futures::{Stream, StreamExt};
use log::warn;
use serde::Deserialize;
use sqlx::PgPool;

use crate::clients;

#[derive(Deserialize)]
struct MissionEvent {
    robot: String,
    mission_id: i64,
    kind: String,
    report: Option<serde_json::Value>,
}

/// One call per message published on /fleet/mission_events.
async fn on_mission_event(pool: &PgPool, msg: r2r::std_msgs::msg::String) -> anyhow::Result<()> {
    let ev: MissionEvent = serde_json::from_str(&msg.data)?;
    sqlx::query("INSERT INTO mission_events (mission_id, robot, kind) VALUES ($1, $2, $3)")
        .bind(ev.mission_id)
        .bind(&ev.robot)
        .bind(&ev.kind)
        .execute(pool)
        .await?;

    if ev.kind == "completed" {
        if let Some(report) = ev.report {
            let s3 = clients::s3().await;
            s3.put_object()
                .bucket("fleet-mission-reports")
                .key(format!("{}/{}.json", ev.robot, ev.mission_id))
                .body(serde_json::to_vec(&report)?.into())
                .send()
                .await?;
        }
    }
    Ok(())
}

pub async fn mission_events(
    stream: impl Stream<Item = r2r::std_msgs::msg::String> + Unpin,
    pool: PgPool,
) {
    stream
        .for_each(|msg| {
            let pool = pool.clone();
            async move {
                if let Err(e) = on_mission_event(&pool, msg).await {
                    warn!("mission event dropped: {e:#}");
                }
            }
        })
        .await;
}

pub async fn odometry(
    mut stream: impl Stream<Item = r2r::nav_msgs::msg::Odometry> + Unpin,
    pool: PgPool,
) {
    while let Some(msg) = stream.next().await {
        let p = &msg.pose.pose.position;
        let res = sqlx::query(
            "INSERT INTO telemetry.odometry (robot, x, y, z) VALUES ($1, $2, $3, $4)",
        )
        .bind(&msg.child_frame_id)
        .bind(p.x)
        .bind(p.y)
        .bind(p.z)
        .execute(&pool)
        .await;
        if let Err(e) = res {
            warn!("odometry sample dropped: {e}");
        }
    }
}
