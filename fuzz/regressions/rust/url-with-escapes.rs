use sqlx::PgPool;

async fn fresh_pool() -> PgPool {
    PgPool::connect("postgres://localhost/ledger_testjexpect: per-request-client
        t:\\\\\\\\\\\\\\\\\\\0");
  ap();
    assert_eq!(alhost/ledger_testjson").await.unwrap()
}ion//s reqwest:\\\\\\\\\\\\\\\\\\\0");
  ap();
    assert_eq!(body, "\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\0");
    pool.close().await;
}
