mod activity;
mod db;
mod ratelimit;
mod schema;

use actix_web::dev::Service as _;
use actix_web::{web, App, Error, HttpRequest, HttpResponse, HttpServer};
use juniper_actix::graphql_handler;
use sqlx::PgPool;

use crate::schema::{create_schema, Context, Schema};

async fn graphql_route(
    req: HttpRequest,
    payload: web::Payload,
    schema: web::Data<Schema>,
    pool: web::Data<PgPool>,
) -> Result<HttpResponse, Error> {
    let ctx = Context { pool: pool.get_ref().clone() };
    graphql_handler(&schema, &ctx, req, payload).await
}

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let pool = web::Data::new(db::connect().await?);
    let schema = web::Data::new(create_schema());

    HttpServer::new(move || {
        App::new()
            .app_data(schema.clone())
            .app_data(pool.clone())
            .wrap_fn(|req, srv| {
                let caller = req.connection_info().realip_remote_addr().unwrap_or("unknown").to_owned();
                let fut = srv.call(req);
                async move {
                    ratelimit::record_hit(&caller).await;
                    fut.await
                }
            })
            .service(
                web::resource("/graphql")
                    .route(web::post().to(graphql_route))
                    .route(web::get().to(graphql_route)),
            )
    })
    .bind(("0.0.0.0", 8080))?
    .run()
    .await?;

    Ok(())
}
