use std::env;

use serde::{Deserialize, Serialize};
use sqlx::postgres::PgPoolOptions;
use thruster::{
    m, middleware_fn, App, BasicContext as Ctx, MiddlewareNext, MiddlewareResult, Request, Server,
    ThrusterServer,
};

mod hooks;

#[derive(Serialize, sqlx::FromRow)]
struct Ticket {
    id: i64,
    title: String,
    status: String,
}

#[derive(Deserialize)]
struct NewTicket {
    title: String,
}

#[middleware_fn]
async fn list_tickets(mut context: Ctx, _next: MiddlewareNext<Ctx>) -> MiddlewareResult<Ctx> {
    let url = env::var("DATABASE_URL").expect("DATABASE_URL");
    let pool = PgPoolOptions::new()
        .max_connections(5)
        .connect(&url)
        .await
        .expect("connect");

    let rows: Vec<Ticket> = sqlx::query_as("SELECT id, title, status FROM tickets ORDER BY id DESC LIMIT 50")
        .fetch_all(&pool)
        .await
        .unwrap_or_default();

    context.body(&serde_json::to_string(&rows).unwrap());
    Ok(context)
}

#[middleware_fn]
async fn create_ticket(mut context: Ctx, _next: MiddlewareNext<Ctx>) -> MiddlewareResult<Ctx> {
    let body = context.get_body().await.unwrap_or_default();
    let new: NewTicket = match serde_json::from_str(&body) {
        Ok(t) => t,
        Err(_) => {
            context.status(400);
            context.body("bad json");
            return Ok(context);
        }
    };

    hooks::post_ticket_created(&new.title).await;

    context.status(201);
    context.body("{\"ok\":true}");
    Ok(context)
}

#[middleware_fn]
async fn health(mut context: Ctx, _next: MiddlewareNext<Ctx>) -> MiddlewareResult<Ctx> {
    context.body("ok");
    Ok(context)
}

#[tokio::main]
async fn main() {
    let app = App::<Request, Ctx, ()>::new_basic()
        .get("/health", m![health])
        .get("/tickets", m![list_tickets])
        .post("/tickets", m![create_ticket]);

    let server = Server::new(app);
    server.build("0.0.0.0", 4321).await;
}
