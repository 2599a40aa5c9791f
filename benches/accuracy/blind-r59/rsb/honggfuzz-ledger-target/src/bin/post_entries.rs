//! honggfuzz persistent-mode target: the process stays alive and the body of
//! `fuzz!` runs once per generated input, millions of times per session.
//!
//!   FUZZ_DATABASE_URL=postgres://fuzz@127.0.0.1/ledger_fuzz cargo hfuzz run post_entries

use arbitrary::{Arbitrary, Unstructured};
use honggfuzz::fuzz;
use postgres::{Client, NoTls};

use ledgerfuzz::{all_journals_balance, post, Entry};

fn main() {
    let url = std::env::var("FUZZ_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://fuzz@127.0.0.1/ledger_fuzz".to_string());

    // One connection for the whole fuzzing session, opened before the
    // persistent loop; each input runs inside a transaction that is rolled back.
    let mut client = Client::connect(&url, NoTls).expect("fuzz database must be running");
    client
        .batch_execute("SET statement_timeout = '2s'; SET lock_timeout = '1s'")
        .expect("session settings");

    loop {
        fuzz!(|data: &[u8]| {
            let mut u = Unstructured::new(data);
            let Ok(entries) = Vec::<Entry>::arbitrary(&mut u) else { return };
            if entries.len() > 64 {
                return;
            }

            let mut tx = client.transaction().expect("begin");
            match post(&mut tx, &entries) {
                Ok(Some(_rejected)) => {}
                Ok(None) => {
                    assert!(
                        all_journals_balance(&mut tx).expect("invariant query"),
                        "unbalanced journal accepted: {entries:?}"
                    );
                }
                // Numeric overflow etc. must surface as SQL errors, never as a panic.
                Err(e) if e.as_db_error().is_some() => {}
                Err(e) => panic!("connection-level failure: {e}"),
            }
            tx.rollback().expect("rollback");
        });
    }
}
