//! One actor owns the state of every logged-in till. Row-level security keys
//! off `app.staff_id`, so each till gets a dedicated connection with that
//! session variable set at login.

use std::collections::HashMap;

use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};
use xactor::{message, Actor, Context, Handler};

#[message(result = "anyhow::Result<()>")]
pub struct Login {
    pub terminal: String,
    pub staff_id: i64,
}

#[message]
pub struct Logout {
    pub terminal: String,
}

#[message(result = "anyhow::Result<()>")]
pub struct Earn {
    pub terminal: String,
    pub card: String,
    pub points: i64,
}

#[message(result = "anyhow::Result<()>")]
pub struct Redeem {
    pub terminal: String,
    pub card: String,
    pub points: i64,
}

pub struct TerminalRegistry {
    pool: PgPool,
    sessions: HashMap<String, PoolConnection<Postgres>>,
}

impl TerminalRegistry {
    pub fn new(pool: PgPool) -> Self {
        Self { pool, sessions: HashMap::new() }
    }

    fn session(&mut self, terminal: &str) -> anyhow::Result<&mut PoolConnection<Postgres>> {
        self.sessions
            .get_mut(terminal)
            .ok_or_else(|| anyhow::anyhow!("terminal {terminal} is not logged in"))
    }
}

impl Actor for TerminalRegistry {}

#[async_trait::async_trait]
impl Handler<Login> for TerminalRegistry {
    async fn handle(&mut self, _ctx: &mut Context<Self>, msg: Login) -> anyhow::Result<()> {
        let mut conn = self.pool.acquire().await?;
        sqlx::query("SELECT set_config('app.staff_id', $1, false)")
            .bind(msg.staff_id.to_string())
            .execute(&mut *conn)
            .await?;
        self.sessions.insert(msg.terminal, conn);
        Ok(())
    }
}

#[async_trait::async_trait]
impl Handler<Logout> for TerminalRegistry {
    async fn handle(&mut self, _ctx: &mut Context<Self>, msg: Logout) {
        if let Some(mut conn) = self.sessions.remove(&msg.terminal) {
            let _ = sqlx::query("RESET app.staff_id").execute(&mut *conn).await;
        }
    }
}

#[async_trait::async_trait]
impl Handler<Earn> for TerminalRegistry {
    async fn handle(&mut self, _ctx: &mut Context<Self>, msg: Earn) -> anyhow::Result<()> {
        let conn = self.session(&msg.terminal)?;
        sqlx::query("INSERT INTO points_ledger (card, points, terminal, kind) VALUES ($1, $2, $3, 'earn')")
            .bind(&msg.card)
            .bind(msg.points)
            .bind(&msg.terminal)
            .execute(&mut **conn)
            .await?;
        Ok(())
    }
}

#[async_trait::async_trait]
impl Handler<Redeem> for TerminalRegistry {
    async fn handle(&mut self, _ctx: &mut Context<Self>, msg: Redeem) -> anyhow::Result<()> {
        let balance = crate::db::balance(&self.pool, &msg.card).await?;
        if balance < msg.points {
            anyhow::bail!("card {} has {balance} points, {} requested", msg.card, msg.points);
        }
        let conn = self.session(&msg.terminal)?;
        sqlx::query("INSERT INTO points_ledger (card, points, terminal, kind) VALUES ($1, $2, $3, 'redeem')")
            .bind(&msg.card)
            .bind(-msg.points)
            .bind(&msg.terminal)
            .execute(&mut **conn)
            .await?;
        Ok(())
    }
}
