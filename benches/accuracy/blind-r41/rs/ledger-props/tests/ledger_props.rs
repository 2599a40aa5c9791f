//! TEST_DATABASE_URL=postgres://... cargo test --test ledger_props
//! Every generated case runs inside a transaction that is rolled back, so cases never see each other.

use std::sync::LazyLock;

use ledger_props::{balance, deposit, entries_sum, open_account, transfer, LedgerError};
use proptest::prelude::*;
use sqlx::postgres::{PgPool, PgPoolOptions};
use tokio::runtime::Runtime;

static RT: LazyLock<Runtime> = LazyLock::new(|| Runtime::new().expect("tokio runtime"));

static POOL: LazyLock<PgPool> = LazyLock::new(|| {
    let url = std::env::var("TEST_DATABASE_URL").expect("TEST_DATABASE_URL");
    let _guard = RT.enter();
    PgPoolOptions::new().max_connections(4).connect_lazy(&url).expect("valid TEST_DATABASE_URL")
});

#[derive(Debug, Clone)]
enum Op {
    Deposit(usize, i64),
    Transfer(usize, usize, i64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..3usize, 1..50_000i64).prop_map(|(a, c)| Op::Deposit(a, c)),
        (0..3usize, 0..3usize, 1..80_000i64).prop_map(|(f, t, c)| Op::Transfer(f, t, c)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn balances_never_negative_and_entries_balance(ops in prop::collection::vec(op(), 1..40)) {
        RT.block_on(async {
            let mut tx = POOL.begin().await.unwrap();
            let before = entries_sum(&mut tx).await.unwrap();
            let mut accounts = Vec::new();
            for owner in ["alice", "bob", "carol"] {
                accounts.push(open_account(&mut tx, owner).await.unwrap());
            }
            let mut deposited = 0;
            for op in &ops {
                match *op {
                    Op::Deposit(a, cents) => {
                        deposit(&mut tx, accounts[a], cents).await.unwrap();
                        deposited += cents;
                    }
                    Op::Transfer(f, t, cents) => match transfer(&mut tx, accounts[f], accounts[t], cents).await {
                        Ok(()) | Err(LedgerError::InsufficientFunds(_)) => {}
                        Err(e) => panic!("unexpected db error: {e}"),
                    },
                }
            }
            for &a in &accounts {
                // an early return here drops `tx`, which rolls it back and returns the connection
                prop_assert!(balance(&mut tx, a).await.unwrap() >= 0);
            }
            prop_assert_eq!(entries_sum(&mut tx).await.unwrap() - before, deposited);
            tx.rollback().await.unwrap();
            Ok(())
        })?;
    }
}
