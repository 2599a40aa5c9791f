mod clients;
mod db;
mod handler;

use actix_rt::net::TcpStream;
use actix_server::Server;
use actix_service::fn_service;

use crate::handler::Services;

#[actix_rt::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let database_url = std::env::var("DATABASE_URL")?;
    let port: u16 = std::env::var("PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(7400);

    // Built exactly once; every worker and connection shares clones.
    let services = Services {
        pool: db::make_pool(&database_url, 16)?,
        fraud: clients::fraud_client()?,
        fraud_url: std::env::var("FRAUD_URL").unwrap_or_else(|_| "http://fraud.internal/score".into()),
    };

    log::info!("terminal gateway on :{port}");
    Server::build()
        .bind("terminals", ("0.0.0.0", port), move || {
            // Service factory: runs once per worker thread.
            let services = services.clone();
            fn_service(move |stream: TcpStream| {
                // Runs once per accepted terminal connection.
                let services = services.clone();
                async move { handler::serve(stream, services).await }
            })
        })?
        .workers(4)
        .run()
        .await?;
    Ok(())
}
