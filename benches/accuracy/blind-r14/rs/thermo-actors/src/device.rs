use async_trait::async_trait;
use coerce::actor::context::ActorContext;
use coerce::actor::message::{Handler, Message};
use coerce::actor::Actor;
use deadpool_postgres::Pool as PgPool;
use deadpool_redis::Pool as RedisPool;
use redis::AsyncCommands;

pub struct Reading {
    pub temp_c: f64,
}

impl Message for Reading {
    type Result = ();
}

/// Sent by the minute ticker in main.
pub struct Flush;

impl Message for Flush {
    type Result = ();
}

pub struct DeviceActor {
    id: String,
    redis: RedisPool,
    pg: PgPool,
    setpoint: f64,
    samples: Vec<f64>,
}

impl DeviceActor {
    pub fn new(id: String, redis: RedisPool, pg: PgPool) -> Self {
        Self { id, redis, pg, setpoint: 21.0, samples: Vec::new() }
    }
}

#[async_trait]
impl Actor for DeviceActor {
    async fn started(&mut self, _ctx: &mut ActorContext) {
        // Runs once per device actor: load the configured setpoint with a pooled connection.
        if let Ok(client) = self.pg.get().await {
            if let Ok(Some(row)) = client
                .query_opt("SELECT setpoint_c FROM thermostats WHERE device_id = $1", &[&self.id])
                .await
            {
                self.setpoint = row.get(0);
            }
        }
    }
}

#[async_trait]
impl Handler<Reading> for DeviceActor {
    async fn handle(&mut self, msg: Reading, _ctx: &mut ActorContext) {
        self.samples.push(msg.temp_c);
        let Ok(mut con) = self.redis.get().await else { return };
        let key = format!("thermo:{}:latest", self.id);
        let _: redis::RedisResult<()> = con.set_ex(&key, msg.temp_c, 300).await;
        if (msg.temp_c - self.setpoint).abs() > 3.0 {
            let _: redis::RedisResult<()> =
                con.publish("thermo:alerts", format!("{} {:.1}", self.id, msg.temp_c)).await;
        }
    }
}

#[async_trait]
impl Handler<Flush> for DeviceActor {
    async fn handle(&mut self, _msg: Flush, _ctx: &mut ActorContext) {
        if self.samples.is_empty() {
            return;
        }
        let n = self.samples.len() as i32;
        let avg = self.samples.iter().sum::<f64>() / n as f64;
        self.samples.clear();
        let Ok(mut client) = self.pg.get().await else { return };
        let Ok(tx) = client.transaction().await else { return };
        let inserted = tx
            .execute(
                "INSERT INTO thermo_rollup (device_id, minute, avg_c, samples) VALUES ($1, date_trunc('minute', now()), $2, $3)",
                &[&self.id, &avg, &n],
            )
            .await;
        if inserted.is_ok() {
            let _ = tx.commit().await;
        }
    }
}
