//! Buffers readings and writes them in batches every 10 seconds.

use std::time::Duration;

use kompact::prelude::*;

use crate::reading::Reading;
use crate::PgPool;

#[derive(ComponentDefinition)]
pub struct Ingestor {
    ctx: ComponentContext<Self>,
    pool: PgPool,
    buffer: Vec<Reading>,
    flush_timer: Option<ScheduledTimer>,
}

impl Ingestor {
    pub fn new(pool: PgPool) -> Ingestor {
        Ingestor {
            ctx: ComponentContext::uninitialised(),
            pool,
            buffer: Vec::with_capacity(512),
            flush_timer: None,
        }
    }

    fn flush(&mut self) -> Handled {
        if self.buffer.is_empty() {
            return Handled::Ok;
        }
        let batch = std::mem::take(&mut self.buffer);
        let mut conn = match self.pool.get() {
            Ok(conn) => conn,
            Err(e) => {
                warn!(self.log(), "no connection, dropping {} readings: {}", batch.len(), e);
                return Handled::Ok;
            }
        };
        let result = (|| -> Result<(), r2d2_postgres::postgres::Error> {
            let mut tx = conn.transaction()?;
            let stmt = tx.prepare(
                "INSERT INTO readings (site, sensor, celsius, door_open, ts) \
                 VALUES ($1, $2, $3, $4, to_timestamp($5))",
            )?;
            for r in &batch {
                tx.execute(&stmt, &[&r.site, &r.sensor, &r.celsius, &r.door_open, &(r.ts as f64)])?;
            }
            tx.commit()
        })();
        if let Err(e) = result {
            error!(self.log(), "batch insert failed: {}", e);
        }
        Handled::Ok
    }
}

impl ComponentLifecycle for Ingestor {
    fn on_start(&mut self) -> Handled {
        let timer = self.schedule_periodic(
            Duration::from_secs(10),
            Duration::from_secs(10),
            |this, _timer| this.flush(),
        );
        self.flush_timer = Some(timer);
        Handled::Ok
    }

    fn on_stop(&mut self) -> Handled {
        if let Some(timer) = self.flush_timer.take() {
            self.cancel_timer(timer);
        }
        self.flush()
    }

    fn on_kill(&mut self) -> Handled {
        self.on_stop()
    }
}

impl Actor for Ingestor {
    type Message = Reading;

    fn receive_local(&mut self, msg: Self::Message) -> Handled {
        self.buffer.push(msg);
        if self.buffer.len() >= 500 {
            return self.flush();
        }
        Handled::Ok
    }

    fn receive_network(&mut self, _msg: NetMessage) -> Handled {
        unimplemented!("ingestor is local-only")
    }
}
