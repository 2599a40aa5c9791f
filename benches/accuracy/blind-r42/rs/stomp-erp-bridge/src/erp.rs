//! Legacy ERP (separate SQL Server instance, stored procedures only).

use tiberius::{AuthMethod, Client, Config};
use tokio::net::TcpStream;
use tokio_util::compat::{Compat, TokioAsyncWriteCompatExt};

pub type ErpClient = Client<Compat<TcpStream>>;

pub async fn connect() -> anyhow::Result<ErpClient> {
    let mut config = Config::new();
    config.host(std::env::var("ERP_HOST").unwrap_or_else(|_| "erp-sql.corp".into()));
    config.port(1433);
    config.database("ERP_PROD");
    config.authentication(AuthMethod::sql_server(
        std::env::var("ERP_USER")?,
        std::env::var("ERP_PASSWORD")?,
    ));
    config.trust_cert();

    let tcp = TcpStream::connect(config.get_addr()).await?;
    tcp.set_nodelay(true)?;
    Ok(Client::connect(config, tcp.compat_write()).await?)
}
