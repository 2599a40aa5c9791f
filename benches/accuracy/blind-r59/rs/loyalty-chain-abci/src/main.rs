//! Loyalty points ledger run as an ABCI application next to a CometBFT node.
//! The node opens its consensus / mempool / info / snapshot connections to us;
//! tendermint-abci clones the app for each and calls check_tx / deliver_tx
//! once per transaction and commit once per block.

mod app;
mod ledger;
mod rewards;

use std::sync::{Arc, Mutex};

use tendermint_abci::ServerBuilder;

use app::{ChainState, LoyaltyApp};
use ledger::Ledger;
use rewards::Rewards;

fn main() {
    env_logger::init();

    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let listen = std::env::var("ABCI_LISTEN").unwrap_or_else(|_| "127.0.0.1:26658".into());

    let ledger = Ledger::connect(&database_url).expect("ledger mirror database");
    let rewards = Rewards::connect(&database_url).expect("rewards database");
    let restored = ledger.last_committed().expect("read last committed block");

    let app = LoyaltyApp {
        state: Arc::new(Mutex::new(ChainState::restore(restored))),
        ledger: Arc::new(ledger),
        rewards: Arc::new(rewards),
        screening_url: std::env::var("SCREENING_URL")
            .unwrap_or_else(|_| "http://fraud-screen.internal/v1/score".into()),
    };

    log::info!("ABCI server listening on {listen}");
    let server = ServerBuilder::default()
        .bind(listen.as_str(), app)
        .expect("bind ABCI socket");
    server.listen().expect("ABCI server stopped");
}
