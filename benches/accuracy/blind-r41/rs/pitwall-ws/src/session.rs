use std::sync::Arc;

use redis::AsyncCommands;
use serde::Deserialize;
use soketto::connection::{Receiver, Sender};
use sqlx::PgPool;
use tokio::net::TcpStream;
use tokio_util::compat::Compat;

pub struct AppState {
    pub pool: PgPool,
    pub redis: redis::aio::ConnectionManager,
}

#[derive(Deserialize)]
#[serde(tag = "cmd", rename_all = "snake_case")]
enum Command {
    Annotate { session_id: i64, lap: i32, note: String },
    SetupChange { car: String, wing_front: f32, wing_rear: f32, tyre_psi: [f32; 4] },
    LastLap { car: String },
}

async fn execute(state: &AppState, cmd: Command) -> anyhow::Result<serde_json::Value> {
    match cmd {
        Command::Annotate { session_id, lap, note } => {
            let mut conn = state.pool.acquire().await?;
            let exists: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM laps WHERE session_id = $1 AND lap = $2)")
                .bind(session_id)
                .bind(lap)
                .fetch_one(&mut *conn)
                .await?;
            if !exists {
                return Ok(serde_json::json!({ "error": "unknown lap" })); // conn goes back to the pool here
            }
            sqlx::query("INSERT INTO lap_notes (session_id, lap, note) VALUES ($1, $2, $3)")
                .bind(session_id)
                .bind(lap)
                .bind(&note)
                .execute(&mut *conn)
                .await?;
            Ok(serde_json::json!({ "ok": true }))
        }
        Command::SetupChange { car, wing_front, wing_rear, tyre_psi } => {
            let mut tx = state.pool.begin().await?;
            sqlx::query("UPDATE car_setups SET active = false WHERE car = $1 AND active").bind(&car).execute(&mut *tx).await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO car_setups (car, wing_front, wing_rear, tyre_psi, active) VALUES ($1, $2, $3, $4, true) RETURNING id",
            )
            .bind(&car)
            .bind(wing_front)
            .bind(wing_rear)
            .bind(&tyre_psi[..])
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            let mut redis = state.redis.clone();
            let _: () = redis.publish(format!("pitwall:setup:{car}"), id).await?;
            Ok(serde_json::json!({ "setup_id": id }))
        }
        Command::LastLap { car } => {
            let mut redis = state.redis.clone();
            let lap: Option<String> = redis.get(format!("telemetry:last_lap:{car}")).await?;
            Ok(serde_json::json!({ "car": car, "last_lap": lap }))
        }
    }
}

pub async fn run(
    state: Arc<AppState>,
    mut sender: Sender<Compat<TcpStream>>,
    mut receiver: Receiver<Compat<TcpStream>>,
) -> anyhow::Result<()> {
    let mut data = Vec::new();
    loop {
        data.clear();
        match receiver.receive_data(&mut data).await {
            Ok(kind) if kind.is_text() => {}
            Ok(_) => continue,
            Err(soketto::connection::Error::Closed) => return Ok(()),
            Err(err) => return Err(err.into()),
        }
        let reply = match serde_json::from_slice::<Command>(&data) {
            Ok(cmd) => execute(&state, cmd).await.unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() })),
            Err(e) => serde_json::json!({ "error": format!("bad command: {e}") }),
        };
        sender.send_text(reply.to_string()).await?;
        sender.flush().await?;
    }
}
