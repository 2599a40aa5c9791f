//! Property tests against the disposable test database
//! (`docker compose -f compose.test.yml up -d`, then `cargo test`).

use std::env;
use std::sync::LazyLock;
use std::time::Duration;

use ledger_core::{balance, post_transfer, Transfer};
use postgres::{Client, GenericClient, NoTls};
use quickcheck::{Arbitrary, Gen, QuickCheck, TestResult};
use r2d2_postgres::PostgresConnectionManager;

fn db_url() -> String {
    env::var("LEDGER_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://ledger:ledger@localhost:5433/ledger_test".into())
}

fn api_url() -> String {
    env::var("LEDGER_API_URL").unwrap_or_else(|_| "http://localhost:8088".into())
}

static POOL: LazyLock<r2d2::Pool<PostgresConnectionManager<NoTls>>> = LazyLock::new(|| {
    let manager = PostgresConnectionManager::new(db_url().parse().expect("LEDGER_TEST_DATABASE_URL"), NoTls);
    r2d2::Pool::builder().max_size(4).build(manager).expect("test pool")
});

#[derive(Clone, Debug)]
struct ArbTransfer(Transfer);

impl Arbitrary for ArbTransfer {
    fn arbitrary(g: &mut Gen) -> Self {
        let accounts = [1_i64, 2, 3, 4, 5];
        let from = *g.choose(&accounts).unwrap();
        let to = *g.choose(&accounts).unwrap();
        let amount_cents = i64::from(u32::arbitrary(g) % 500_000);
        let memo: String = String::arbitrary(g).chars().filter(|c| *c != '\0').take(64).collect();
        ArbTransfer(Transfer { from, to, amount_cents, memo })
    }
}

fn total<C: GenericClient>(client: &mut C) -> i64 {
    client
        .query_one("SELECT COALESCE(SUM(amount_cents), 0)::bigint FROM postings", &[])
        .unwrap()
        .get(0)
}

/// Money is neither created nor destroyed by a transfer.
fn prop_conserves_total(t: ArbTransfer) -> TestResult {
    let mut conn = POOL.get().expect("pooled connection");
    let mut tx = conn.transaction().unwrap();
    let before = total(&mut tx);
    if post_transfer(&mut tx, &t.0).is_err() {
        return TestResult::discard();
    }
    let after = total(&mut tx);
    // `tx` is dropped without commit: rolled back, connection goes back to POOL.
    TestResult::from_bool(before == after)
}

/// The memo survives the round trip through Postgres byte for byte.
fn prop_memo_roundtrip(t: ArbTransfer) -> TestResult {
    let mut client = Client::connect(&db_url(), NoTls).unwrap();
    let mut tx = client.transaction().unwrap();
    let id = match post_transfer(&mut tx, &t.0) {
        Ok(id) => id,
        Err(_) => return TestResult::discard(),
    };
    let memo: String = tx
        .query_one("SELECT memo FROM transfers WHERE id = $1", &[&id])
        .unwrap()
        .get(0);
    TestResult::from_bool(memo == t.0.memo)
}

/// ledger-api reports the same balance the ledger computes.
fn prop_api_balance_matches(account: u8) -> TestResult {
    let account = i64::from(account % 5) + 1;
    let http = reqwest::blocking::Client::builder().timeout(Duration::from_secs(5)).build().unwrap();
    let body: serde_json::Value = http
        .get(format!("{}/accounts/{account}/balance", api_url()))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let mut conn = POOL.get().unwrap();
    let expected = balance(&mut *conn, account).unwrap();
    TestResult::from_bool(body["balance_cents"].as_i64() == Some(expected))
}

#[test]
fn conserves_total() {
    QuickCheck::new()
        .tests(500)
        .quickcheck(prop_conserves_total as fn(ArbTransfer) -> TestResult);
}

#[test]
fn memo_roundtrip() {
    QuickCheck::new()
        .tests(300)
        .quickcheck(prop_memo_roundtrip as fn(ArbTransfer) -> TestResult);
}

/// Needs ledger-api running against the same test database (CI starts it).
#[test]
fn api_balance_matches() {
    QuickCheck::new()
        .tests(200)
        .quickcheck(prop_api_balance_matches as fn(u8) -> TestResult);
}
