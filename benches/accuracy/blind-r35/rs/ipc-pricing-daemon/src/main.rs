mod handler;

use std::time::Duration;

use interprocess::local_socket::tokio::prelude::*;
use interprocess::local_socket::{GenericNamespaced, ListenerOptions};
use mysql_async::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};

use crate::handler::Handler;

async fn connect_mysql() -> anyhow::Result<Pool> {
    let opts = Opts::from_url(&std::env::var("PRICING_MYSQL_URL")?)?;
    let constraints = PoolConstraints::new(1, 8).expect("valid constraints");
    let pool = Pool::new(OptsBuilder::from_opts(opts).pool_opts(PoolOpts::default().with_constraints(constraints)));

    // The store server is sometimes still booting when the terminals start:
    // wait for it, then keep using this one pool for the life of the daemon.
    let mut delay = Duration::from_millis(500);
    for attempt in 1..=12 {
        match pool.get_conn().await {
            Ok(_conn) => return Ok(pool),
            Err(e) => {
                log::warn!("mysql not reachable (attempt {attempt}): {e}");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(10));
            }
        }
    }
    pool.disconnect().await?;
    anyhow::bail!("mysql never became reachable")
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    env_logger::init();

    let pool = connect_mysql().await?;
    let redis = redis::Client::open(std::env::var("PROMO_REDIS_URL")?)?
        .get_connection_manager()
        .await?;
    let handler = Handler::new(pool.clone(), redis);

    let name = "pricingd.sock".to_ns_name::<GenericNamespaced>()?;
    let listener = ListenerOptions::new().name(name).create_tokio()?;
    log::info!("pricingd listening");

    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let conn = match accepted {
                    Ok(c) => c,
                    Err(e) => {
                        log::error!("accept failed: {e}");
                        continue;
                    }
                };
                let handler = handler.clone();
                tokio::spawn(async move {
                    if let Err(e) = handler.serve(conn).await {
                        log::warn!("client session ended: {e:#}");
                    }
                });
            }
            _ = tokio::signal::ctrl_c() => break,
        }
    }
    pool.disconnect().await?;
    Ok(())
}
