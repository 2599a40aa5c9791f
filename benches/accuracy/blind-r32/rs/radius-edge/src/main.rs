mod accounting;
mod handler;
mod secrets;

use deadpool_postgres::{Config, ManagerConfig, RecyclingMethod, Runtime};
use radius::server::Server;
use tokio::signal;
use tokio_postgres::NoTls;

use crate::handler::CampusHandler;
use crate::secrets::VaultSecrets;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    env_logger::init();

    let mut cfg = Config::new();
    cfg.url = Some(std::env::var("USERS_DATABASE_URL")?);
    cfg.manager = Some(ManagerConfig { recycling_method: RecyclingMethod::Fast });
    let users = cfg.create_pool(Some(Runtime::Tokio1), NoTls)?;

    let handler = CampusHandler::new(users);
    let secrets = VaultSecrets::new(std::env::var("VAULT_ADDR")?, std::env::var("VAULT_TOKEN")?);

    let mut server = Server::listen("0.0.0.0", 1812, handler, secrets).await?;
    server.set_buffer_size(1500);
    server.set_skip_authenticity_validation(false);
    log::info!("radius-edge serving on udp/1812");

    server.run(signal::ctrl_c()).await?;
    Ok(())
}
