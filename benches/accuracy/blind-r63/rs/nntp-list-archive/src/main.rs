//! nntp-list-archive: one OS thread per reader connection (a few dozen at most).

mod module;
mod session;

use std::net::TcpListener;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use anyhow::{Context, Result};
use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

use module::{ArchiveModule, MysqlDatabase, MysqlDatabaseParameters};

fn open_pool(url: &str) -> Result<Pool> {
    let opts = OptsBuilder::from_opts(Opts::from_url(url)?).pool_opts(
        PoolOpts::default().with_constraints(PoolConstraints::new(2, 16).expect("2 <= 16")),
    );
    let mut attempt = 1;
    loop {
        match Pool::new(opts.clone()) {
            Ok(pool) => return Ok(pool),
            Err(err) if attempt < 6 => {
                log::warn!("archive database not ready (attempt {attempt}): {err}");
                thread::sleep(Duration::from_secs(2 * attempt));
                attempt += 1;
            }
            Err(err) => return Err(err).context("connect archive database"),
        }
    }
}

fn main() -> Result<()> {
    env_logger::init();

    let url = std::env::var("ARCHIVE_DATABASE_URL").context("ARCHIVE_DATABASE_URL")?;
    let pool = open_pool(&url)?;

    // shaku components are singletons: built once here, shared by every connection thread
    let module = Arc::new(
        ArchiveModule::builder()
            .with_component_parameters::<MysqlDatabase>(MysqlDatabaseParameters { pool })
            .build(),
    );

    let listener = TcpListener::bind("0.0.0.0:119")?;
    log::info!("NNTP archive listening on :119");
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(s) => s,
            Err(err) => {
                log::warn!("accept failed: {err}");
                continue;
            }
        };
        let module = Arc::clone(&module);
        thread::spawn(move || {
            let peer = stream.peer_addr().ok();
            if let Err(err) = session::run(stream, &module) {
                log::info!("{peer:?}: session ended: {err}");
            }
        });
    }
    Ok(())
}
