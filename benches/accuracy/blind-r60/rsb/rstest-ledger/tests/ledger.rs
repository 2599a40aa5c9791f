//! Integration tests against the CI Postgres service. One pool is shared by the whole
//! test binary; every test checks out a connection and works inside a transaction that
//! is rolled back, so tests never see each other's rows.

use ledger::{balance, open_account, post_transfer, LedgerError, Transfer};
use r2d2::Pool;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};
use rstest::{fixture, rstest};

type PgPool = Pool<PostgresConnectionManager<NoTls>>;

#[fixture]
#[once]
fn pool() -> PgPool {
    let url = std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://ledger:ledger@localhost:5432/ledger_test".to_string());
    let manager = PostgresConnectionManager::new(url.parse().expect("TEST_DATABASE_URL"), NoTls);
    let pool = Pool::builder().max_size(4).build(manager).expect("test database reachable");
    ledger::migrate(&mut *pool.get().unwrap()).expect("schema");
    pool
}

fn seed<C: postgres::GenericClient>(db: &mut C, currency: &str, opening: i64) {
    open_account(db, "bank", currency, true).unwrap();
    open_account(db, "alice", currency, false).unwrap();
    open_account(db, "bob", currency, false).unwrap();
    if opening > 0 {
        post_transfer(db, &Transfer { from: "bank", to: "alice", amount_minor: opening, currency }).unwrap();
    }
}

#[rstest]
#[case("EUR", 10_00)]
#[case("USD", 1)]
#[case("JPY", 500_000)]
fn transfer_moves_money(pool: &PgPool, #[case] currency: &str, #[case] amount: i64) {
    let mut conn = pool.get().unwrap();
    let mut tx = conn.transaction().unwrap();
    seed(&mut tx, currency, amount);

    post_transfer(&mut tx, &Transfer { from: "alice", to: "bob", amount_minor: amount, currency }).unwrap();

    assert_eq!(balance(&mut tx, "alice", currency).unwrap(), 0);
    assert_eq!(balance(&mut tx, "bob", currency).unwrap(), amount);
    tx.rollback().unwrap();
}

#[rstest]
#[case(0)]
#[case(-5)]
fn rejects_non_positive(pool: &PgPool, #[case] amount: i64) {
    let mut conn = pool.get().unwrap();
    let mut tx = conn.transaction().unwrap();
    seed(&mut tx, "EUR", 100);

    let err = post_transfer(&mut tx, &Transfer { from: "alice", to: "bob", amount_minor: amount, currency: "EUR" });
    assert!(matches!(err, Err(LedgerError::NonPositive(a)) if a == amount));
    tx.rollback().unwrap();
}

#[rstest]
fn refuses_overdraft(pool: &PgPool) {
    let mut conn = pool.get().unwrap();
    let mut tx = conn.transaction().unwrap();
    seed(&mut tx, "EUR", 50);

    let err = post_transfer(&mut tx, &Transfer { from: "alice", to: "bob", amount_minor: 51, currency: "EUR" });
    assert!(matches!(err, Err(LedgerError::InsufficientFunds { balance: 50, .. })));
    assert_eq!(balance(&mut tx, "bob", "EUR").unwrap(), 0);
    tx.rollback().unwrap();
}

#[rstest]
fn bank_may_overdraw(pool: &PgPool) {
    let mut conn = pool.get().unwrap();
    let mut tx = conn.transaction().unwrap();
    seed(&mut tx, "GBP", 0);

    post_transfer(&mut tx, &Transfer { from: "bank", to: "bob", amount_minor: 700, currency: "GBP" }).unwrap();
    assert_eq!(balance(&mut tx, "bank", "GBP").unwrap(), -700);
    tx.rollback().unwrap();
}
