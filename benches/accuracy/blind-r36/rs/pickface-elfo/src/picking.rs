use std::collections::HashMap;

use elfo::prelude::*;
use serde::Deserialize;
use sqlx::{pool::PoolConnection, PgPool, Postgres};
use tracing::{info, warn};

use crate::protocol::*;

#[derive(Debug, Deserialize)]
pub struct Config {
    pub station_count: u32,
}

struct Session {
    station: u32,
    // Holds the session-level advisory lock on the station.
    conn: PoolConnection<Postgres>,
}

pub fn new(pool: PgPool) -> Blueprint {
    ActorGroup::new().config::<Config>().exec(move |mut ctx| {
        let pool = pool.clone();
        async move {
            let mut sessions: HashMap<String, Session> = HashMap::new();
            let mut shift_totals: HashMap<String, i32> = HashMap::new();

            while let Some(envelope) = ctx.recv().await {
                msg!(match envelope {
                    OperatorLoggedIn { operator, station } => {
                        if station >= ctx.config().station_count {
                            warn!(%operator, station, "unknown station");
                            continue;
                        }
                        let mut conn = match pool.acquire().await {
                            Ok(conn) => conn,
                            Err(e) => {
                                warn!(error = %e, "no db connection for login");
                                continue;
                            }
                        };
                        let _ = sqlx::query("SELECT pg_advisory_lock($1)")
                            .bind(station as i64)
                            .execute(&mut *conn)
                            .await;
                        info!(%operator, station, "station claimed");
                        sessions.insert(operator, Session { station, conn });
                    }
                    Picked { operator, sku, qty, expected } => {
                        *shift_totals.entry(operator.clone()).or_default() += qty;
                        let station = sessions.get(&operator).map(|s| s.station).unwrap_or(0);
                        let _ = sqlx::query(
                            "INSERT INTO picks (operator, station, sku, qty) VALUES ($1, $2, $3, $4)",
                        )
                        .bind(&operator)
                        .bind(station as i32)
                        .bind(&sku)
                        .bind(qty)
                        .execute(&pool)
                        .await;
                        if qty < expected {
                            let _ = ctx.send(ShortPick { sku, station, missing: expected - qty }).await;
                        }
                    }
                    OperatorLoggedOut { operator } => {
                        if let Some(mut session) = sessions.remove(&operator) {
                            let _ = sqlx::query("SELECT pg_advisory_unlock($1)")
                                .bind(session.station as i64)
                                .execute(&mut *session.conn)
                                .await;
                        }
                    }
                    ShiftEnded { operator } => {
                        let total = shift_totals.remove(&operator).unwrap_or(0);
                        let _ = sqlx::query(
                            "UPDATE shifts SET closed_at = now(), units = $2 WHERE operator = $1 AND closed_at IS NULL",
                        )
                        .bind(&operator)
                        .bind(total)
                        .execute(&pool)
                        .await;
                        info!(%operator, total, "shift closed");
                    }
                });
            }
        }
    })
}
