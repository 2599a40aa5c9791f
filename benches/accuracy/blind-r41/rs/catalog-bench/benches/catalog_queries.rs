//! cargo bench --bench catalog_queries   (needs BENCH_DATABASE_URL and SEARCH_URL pointing at staging)

use catalog_bench::{by_sku, category_page, search};
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use sqlx::postgres::PgPoolOptions;
use tokio::runtime::Runtime;

const SKUS: [&str; 4] = ["TS-0001-BLK-M", "TS-0042-WHT-L", "HD-1100-GRY-S", "CP-9000-RED-XL"];

fn catalog(c: &mut Criterion) {
    let rt = Runtime::new().expect("tokio runtime");
    let url = std::env::var("BENCH_DATABASE_URL").expect("BENCH_DATABASE_URL");
    let pool = rt
        .block_on(PgPoolOptions::new().max_connections(8).min_connections(8).connect(&url))
        .expect("connect to staging");
    let http = reqwest::Client::new();
    let search_url = std::env::var("SEARCH_URL").unwrap_or_else(|_| "http://search.staging:7700".into());

    c.bench_function("by_sku/pool", |b| {
        let mut i = 0;
        b.to_async(&rt).iter(|| {
            i += 1;
            let sku = SKUS[i % SKUS.len()];
            let pool = pool.clone();
            async move { black_box(by_sku(&pool, sku).await.unwrap()) }
        })
    });

    c.bench_function("by_sku/acquired_conn", |b| {
        b.to_async(&rt).iter(|| async {
            // measures checkout + query; the connection returns to the pool when dropped
            let mut conn = pool.acquire().await.unwrap();
            black_box(by_sku(&mut *conn, SKUS[0]).await.unwrap())
        })
    });

    let mut group = c.benchmark_group("category_page");
    for page in [0_i64, 10, 100] {
        group.bench_with_input(BenchmarkId::from_parameter(page), &page, |b, &page| {
            b.to_async(&rt).iter(|| async { black_box(category_page(&pool, "t-shirts", page).await.unwrap()) })
        });
    }
    group.finish();

    c.bench_function("search/keepalive", |b| {
        b.to_async(&rt).iter(|| async { black_box(search(&http, &search_url, "hoodie").await.unwrap()) })
    });

    rt.block_on(pool.close());
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(200);
    targets = catalog
}
criterion_main!(benches);
