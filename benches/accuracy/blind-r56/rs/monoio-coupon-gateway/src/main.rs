//! Coupon validation gateway for the store POS terminals.
//!
//! Thread-per-core: one monoio runtime per core, each with its own
//! SO_REUSEPORT listener. Database work is blocking (r2d2 + postgres) and is
//! pushed to the runtime's blocking thread pool. The r2d2 pool and the ureq
//! agent are built exactly once here and shared by every core.

mod conn;
mod store;

use monoio::blocking::DefaultThreadPool;
use monoio::net::{ListenerOpts, TcpListener};
use monoio::{FusionDriver, RuntimeBuilder};
use std::time::Duration;

fn main() -> anyhow::Result<()> {
    let url = std::env::var("DATABASE_URL")?;
    let pool = {
        let mut attempt = 0;
        loop {
            match store::make_pool(&url) {
                Ok(p) => break p,
                Err(e) if attempt < 10 => {
                    attempt += 1;
                    eprintln!("database not ready ({e}), retry {attempt}/10");
                    std::thread::sleep(Duration::from_secs(2));
                }
                Err(e) => return Err(e),
            }
        }
    };
    let audit = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(3))
        .max_idle_connections_per_host(4)
        .build();

    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    let addr = std::env::var("LISTEN_ADDR").unwrap_or_else(|_| "0.0.0.0:7300".into());
    let mut threads = Vec::with_capacity(cores);
    for core in 0..cores {
        let pool = pool.clone();
        let audit = audit.clone();
        let addr = addr.clone();
        threads.push(std::thread::spawn(move || {
            let mut rt = RuntimeBuilder::<FusionDriver>::new()
                .enable_timer()
                .attach_thread_pool(Box::new(DefaultThreadPool::new(4)))
                .build()
                .expect("monoio runtime");
            rt.block_on(async move {
                let opts = ListenerOpts::new().reuse_port(true);
                let listener = TcpListener::bind_with_config(addr.as_str(), &opts).expect("bind");
                eprintln!("core {core} listening on {addr}");
                loop {
                    let (stream, peer) = match listener.accept().await {
                        Ok(s) => s,
                        Err(e) => {
                            eprintln!("accept failed: {e}");
                            continue;
                        }
                    };
                    monoio::spawn(conn::serve(stream, peer, pool.clone(), audit.clone()));
                }
            });
        }));
    }
    for t in threads {
        let _ = t.join();
    }
    Ok(())
}
