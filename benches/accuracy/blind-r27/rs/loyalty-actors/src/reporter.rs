//! Hourly roll-up of points issued and redeemed per store.

use std::time::Duration;

use sqlx::PgPool;
use xactor::{message, Actor, Context, Handler};

#[message]
#[derive(Clone)]
struct Flush;

pub struct Reporter {
    pool: PgPool,
}

impl Reporter {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

#[async_trait::async_trait]
impl Actor for Reporter {
    async fn started(&mut self, ctx: &mut Context<Self>) -> xactor::Result<()> {
        ctx.send_interval(Flush, Duration::from_secs(3600));
        Ok(())
    }
}

#[async_trait::async_trait]
impl Handler<Flush> for Reporter {
    async fn handle(&mut self, _ctx: &mut Context<Self>, _msg: Flush) {
        let mut tx = match self.pool.begin().await {
            Ok(tx) => tx,
            Err(e) => {
                eprintln!("report flush: {e}");
                return;
            }
        };
        let rolled = sqlx::query(
            "INSERT INTO points_hourly (hour, terminal, earned, redeemed)
             SELECT date_trunc('hour', created_at), terminal,
                    SUM(points) FILTER (WHERE points > 0), -SUM(points) FILTER (WHERE points < 0)
               FROM points_ledger
              WHERE created_at >= date_trunc('hour', now()) - interval '1 hour'
                AND created_at <  date_trunc('hour', now())
              GROUP BY 1, 2
             ON CONFLICT (hour, terminal) DO NOTHING",
        )
        .execute(&mut *tx)
        .await;
        match rolled {
            Ok(_) => {
                if let Err(e) = tx.commit().await {
                    eprintln!("report commit: {e}");
                }
            }
            Err(e) => eprintln!("report roll-up: {e}"),
        }
    }
}
