//! Velocity check on redemptions: a card may redeem at most N times per hour.

use redis::AsyncCommands;
use xactor::{message, Actor, Context, Handler};

const MAX_REDEEMS_PER_HOUR: i64 = 4;

#[message(result = "anyhow::Result<bool>")]
pub struct CheckRedeem {
    pub card: String,
    pub points: i64,
}

#[derive(Default)]
pub struct FraudGuard {
    checked: u64,
}

impl Actor for FraudGuard {}

#[async_trait::async_trait]
impl Handler<CheckRedeem> for FraudGuard {
    async fn handle(&mut self, _ctx: &mut Context<Self>, msg: CheckRedeem) -> anyhow::Result<bool> {
        self.checked += 1;
        let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://cache.internal/2".into());
        let client = redis::Client::open(url)?;
        let mut conn = client.get_multiplexed_async_connection().await?;

        let key = format!("loyalty:redeems:{}", msg.card);
        let count: i64 = conn.incr(&key, 1).await?;
        if count == 1 {
            let _: () = conn.expire(&key, 3600).await?;
        }
        if msg.points > 5_000 {
            let _: () = conn.sadd("loyalty:large_redeems", &msg.card).await?;
        }
        Ok(count <= MAX_REDEEMS_PER_HOUR)
    }
}
