use kameo::prelude::*;
use sqlx::{postgres::PgPoolOptions, PgPool};
use uuid::Uuid;

#[derive(Actor)]
pub struct Accounts {
    pool: PgPool,
}

pub struct OpenAccount {
    pub owner: String,
    pub email: String,
}

/// Connects the accounts store and starts the actor.
pub async fn spawn_accounts() -> anyhow::Result<ActorRef<Accounts>> {
    let url = std::env::var("DATABASE_URL")?;
    let pool = PgPoolOptions::new().max_connections(100).connect(&url).await?;
    Ok(Accounts::spawn(Accounts { pool }))
}

impl Message<OpenAccount> for Accounts {
    type Reply = Result<Uuid, sqlx::Error>;

    async fn handle(&mut self, msg: OpenAccount, _ctx: &mut Context<Self, Self::Reply>) -> Self::Reply {
        let id = Uuid::new_v4();
        sqlx::query("INSERT INTO accounts (id, owner, email, balance_cents) VALUES ($1, $2, $3, 0)")
            .bind(id)
            .bind(&msg.owner)
            .bind(&msg.email)
            .execute(&self.pool)
            .await?;
        Ok(id)
    }
}
