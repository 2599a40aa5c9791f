use std::net::TcpListener;
use std::thread;

use bi_gateway::{db, shim::Backend};
use msql_srv::MysqlIntermediary;

fn main() -> anyhow::Result<()> {
    env_logger::init();

    let pool = db::make_pool(16)?;
    let listener = TcpListener::bind(std::env::var("BIND").unwrap_or_else(|_| "0.0.0.0:3306".into()))?;
    log::info!("bi-gateway listening on {}", listener.local_addr()?);

    for stream in listener.incoming() {
        let stream = match stream {
            Ok(s) => s,
            Err(e) => {
                log::warn!("accept failed: {e}");
                continue;
            }
        };
        let peer = stream.peer_addr().map(|a| a.to_string()).unwrap_or_default();
        let backend = Backend::new(pool.clone(), peer);
        thread::spawn(move || {
            if let Err(e) = MysqlIntermediary::run_on_tcp(backend, stream) {
                log::debug!("session ended with error: {e}");
            }
        });
    }
    Ok(())
}
