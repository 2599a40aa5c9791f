//! Web process: accepts export requests and lets the worker process them.

use std::net::SocketAddr;

use serde::{Deserialize, Serialize};
use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::net::TcpListener;
use viz::types::State;
use viz::{serve, Request, RequestExt, Response, ResponseExt, Result, Router};

#[derive(Deserialize)]
struct NewExport {
    account_id: i64,
    format: String,
}

#[derive(Serialize, sqlx::FromRow)]
struct Export {
    id: i64,
    account_id: i64,
    format: String,
    status: String,
}

fn pool_of(req: &Request) -> PgPool {
    req.state::<PgPool>().expect("PgPool state is registered in main")
}

async fn create_export(mut req: Request) -> Result<Response> {
    let pool = pool_of(&req);
    let body = req.json::<NewExport>().await?;
    let export = sqlx::query_as::<_, Export>(
        "INSERT INTO exports (account_id, format, status) VALUES ($1, $2, 'queued') \
         RETURNING id, account_id, format, status",
    )
    .bind(body.account_id)
    .bind(&body.format)
    .fetch_one(&pool)
    .await
    .map_err(viz::Error::boxed)?;
    Ok(Response::json(export)?)
}

async fn list_exports(req: Request) -> Result<Response> {
    let pool = pool_of(&req);
    let exports = sqlx::query_as::<_, Export>(
        "SELECT id, account_id, format, status FROM exports ORDER BY id DESC LIMIT 50",
    )
    .fetch_all(&pool)
    .await
    .map_err(viz::Error::boxed)?;
    Ok(Response::json(exports)?)
}

#[tokio::main]
async fn main() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .connect(&database_url)
        .await
        .expect("cannot connect to Postgres");

    let app = Router::new()
        .post("/exports", create_export)
        .get("/exports", list_exports)
        .with(State::new(pool));

    let addr = SocketAddr::from(([0, 0, 0, 0], 3000));
    let listener = TcpListener::bind(addr).await?;
    println!("web listening on {addr}");

    if let Err(err) = serve(listener, app).await {
        eprintln!("server error: {err}");
    }
    Ok(())
}
