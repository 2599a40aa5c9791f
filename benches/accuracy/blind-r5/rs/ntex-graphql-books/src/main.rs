mod schema;

use async_graphql::http::GraphiQLSource;
use async_graphql::{EmptySubscription, Schema};
use ntex::web::{self, App, HttpResponse, HttpServer};
use sqlx::postgres::PgPoolOptions;

use schema::{AppSchema, MutationRoot, QueryRoot};

#[web::post("/graphql")]
async fn graphql(
    schema: web::types::State<AppSchema>,
    req: web::types::Json<async_graphql::Request>,
) -> HttpResponse {
    let response = schema.execute(req.into_inner()).await;
    HttpResponse::Ok().json(&response)
}

#[web::get("/graphql")]
async fn graphiql() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(GraphiQLSource::build().endpoint("/graphql").finish())
}

#[ntex::main]
async fn main() -> std::io::Result<()> {
    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");
    let pool = PgPoolOptions::new()
        .max_connections(10)
        .connect(&database_url)
        .await
        .expect("failed to connect to Postgres");

    let schema: AppSchema = Schema::build(QueryRoot, MutationRoot, EmptySubscription)
        .data(pool)
        .finish();

    HttpServer::new(move || App::new().state(schema.clone()).service((graphql, graphiql)))
        .bind(("0.0.0.0", 8000))?
        .run()
        .await
}
