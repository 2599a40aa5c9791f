mod api;

use std::time::Duration;

use poem::{listener::TcpListener, Route, Server};
use poem_openapi::OpenApiService;
use sea_orm::{ConnectOptions, Database};

use api::BillingApi;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let database_url = std::env::var("DATABASE_URL")?;
    let mut options = ConnectOptions::new(database_url.clone());
    options
        .max_connections(20)
        .min_connections(2)
        .acquire_timeout(Duration::from_secs(5));
    let db = Database::connect(options).await?;

    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;

    let api = BillingApi {
        db,
        database_url,
        reminder_queue_url: std::env::var("REMINDER_QUEUE_URL")?,
        http,
    };

    let api_service =
        OpenApiService::new(api, "Billing API", "0.6.2").server("http://localhost:3000/api");
    let ui = api_service.swagger_ui();
    let app = Route::new().nest("/api", api_service).nest("/docs", ui);

    Server::new(TcpListener::bind("0.0.0.0:3000")).run(app).await?;
    Ok(())
}
