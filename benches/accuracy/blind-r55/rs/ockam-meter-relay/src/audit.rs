use ockam::{Context, Result, Routed, Worker};
use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};

use crate::ingest::app_err;
use crate::messages::{AuditEvent, TariffQuery, TariffReply};

/// Appends operator actions to the audit table.
pub struct AuditWorker {
    pub conn: PoolConnection<Postgres>,
}

#[ockam::worker]
impl Worker for AuditWorker {
    type Context = Context;
    type Message = AuditEvent;

    async fn handle_message(&mut self, _ctx: &mut Context, msg: Routed<AuditEvent>) -> Result<()> {
        let ev = msg.into_body()?;
        sqlx::query(
            "INSERT INTO operator_audit (actor, action, meter_id, at) \
             VALUES ($1, $2, $3, to_timestamp($4))",
        )
        .bind(&ev.actor)
        .bind(&ev.action)
        .bind(&ev.meter_id)
        .bind(ev.at as f64)
        .execute(&mut *self.conn)
        .await
        .map_err(app_err)?;
        Ok(())
    }
}

/// Answers tariff lookups from the shared pool built in main.
pub struct TariffWorker {
    pub pool: PgPool,
}

#[ockam::worker]
impl Worker for TariffWorker {
    type Context = Context;
    type Message = TariffQuery;

    async fn handle_message(&mut self, ctx: &mut Context, msg: Routed<TariffQuery>) -> Result<()> {
        let return_route = msg.return_route();
        let query = msg.into_body()?;
        let (band, cents): (String, f64) = sqlx::query_as(
            "SELECT band, cents_per_kwh FROM tariff_bands \
             WHERE substation = $1 AND now()::time BETWEEN starts_at AND ends_at \
             LIMIT 1",
        )
        .bind(&query.substation)
        .fetch_one(&self.pool)
        .await
        .map_err(app_err)?;

        let reply = TariffReply {
            substation: query.substation,
            band,
            cents_per_kwh: cents,
        };
        ctx.send(return_route, reply).await
    }
}
