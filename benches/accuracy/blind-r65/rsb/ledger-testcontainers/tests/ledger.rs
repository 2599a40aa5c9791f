//! Integration tests against a throwaway Postgres container. Each
//! #[tokio::test] runs on its own runtime, so each test starts its own
//! container and pool and closes the pool before the runtime goes away.

use futures::future::join_all;
use ledger_core::{balance, open_account, post, LedgerError, MIGRATOR};
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use testcontainers_modules::postgres::Postgres;
use testcontainers_modules::testcontainers::runners::AsyncRunner;
use testcontainers_modules::testcontainers::{ContainerAsync, ImageExt};

async fn fresh_db() -> (ContainerAsync<Postgres>, PgPool) {
    let container = Postgres::default().with_tag("16-alpine").start().await.expect("docker running?");
    let port = container.get_host_port_ipv4(5432).await.unwrap();
    let url = format!("postgres://postgres:postgres@127.0.0.1:{port}/postgres");
    let pool = PgPoolOptions::new().max_connections(5).connect(&url).await.unwrap();
    MIGRATOR.run(&pool).await.unwrap();
    (container, pool)
}

#[tokio::test]
async fn balanced_entry_moves_money() {
    let (_pg, pool) = fresh_db().await;
    open_account(&pool, "cash", "EUR", true).await.unwrap();
    open_account(&pool, "merchant:42", "EUR", false).await.unwrap();

    post(&pool, "payout-1", &[("cash", -1500), ("merchant:42", 1500)]).await.unwrap();

    assert_eq!(balance(&pool, "cash").await.unwrap(), -1500);
    assert_eq!(balance(&pool, "merchant:42").await.unwrap(), 1500);
    pool.close().await;
}

#[tokio::test]
async fn unbalanced_entry_is_rejected() {
    let (_pg, pool) = fresh_db().await;
    let err = post(&pool, "bad-1", &[("cash", -10), ("merchant:42", 9)]).await.unwrap_err();
    assert!(matches!(err, LedgerError::Unbalanced(-1)));
    pool.close().await;
}

#[tokio::test]
async fn overdraft_rolls_back_whole_entry() {
    let (_pg, pool) = fresh_db().await;
    open_account(&pool, "merchant:7", "EUR", false).await.unwrap();
    open_account(&pool, "fees", "EUR", false).await.unwrap();

    let err = post(&pool, "fee-1", &[("merchant:7", -300), ("fees", 300)]).await.unwrap_err();
    assert!(matches!(err, LedgerError::Overdraft(ref a) if a == "merchant:7"));
    assert_eq!(balance(&pool, "fees").await.unwrap(), 0);
    pool.close().await;
}

#[tokio::test]
async fn concurrent_duplicate_posts_are_idempotent() {
    let (_pg, pool) = fresh_db().await;
    open_account(&pool, "cash", "EUR", true).await.unwrap();
    open_account(&pool, "merchant:9", "EUR", false).await.unwrap();

    // 20 retries of the same webhook racing each other, all on the one pool.
    let attempts = (0..20).map(|_| {
        let pool = pool.clone();
        async move { post(&pool, "payout-dup", &[("cash", -700), ("merchant:9", 700)]).await }
    });
    let ids: Vec<_> = join_all(attempts).await.into_iter().filter_map(Result::ok).collect();

    assert!(!ids.is_empty());
    assert!(ids.windows(2).all(|w| w[0] == w[1]));
    assert_eq!(balance(&pool, "merchant:9").await.unwrap(), 700);
    pool.close().await;
}
