//! `PERF_DATABASE_URL=... cargo bench --bench catalog`
//!
//! divan calls each #[divan::bench] function once per argument value; the
//! closure given to `bench_local` is the part that is timed and repeated.

use std::sync::LazyLock;
use std::time::Duration;

use catalog_queries::{category_page, lookup, search};
use divan::Bencher;
use postgres::{Client, NoTls};

fn main() {
    divan::main();
}

static HTTP: LazyLock<reqwest::blocking::Client> = LazyLock::new(|| {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("http client")
});

fn perf_db() -> Client {
    let url = std::env::var("PERF_DATABASE_URL").expect("PERF_DATABASE_URL must point at the perf database");
    Client::connect(&url, NoTls).expect("perf database reachable")
}

fn sample_skus(client: &mut Client, n: usize) -> Vec<String> {
    client
        .query("SELECT sku FROM products TABLESAMPLE SYSTEM (5) LIMIT $1", &[&(n as i64)])
        .expect("sample")
        .into_iter()
        .map(|r| r.get(0))
        .collect()
}

#[divan::bench(args = [1, 24, 96, 500], sample_count = 200)]
fn lookup_by_sku(bencher: Bencher, n: usize) {
    // Set-up, once per argument value: one connection, closed afterwards.
    let mut client = perf_db();
    let skus = sample_skus(&mut client, n);

    bencher.bench_local(|| lookup(&mut client, &skus).expect("lookup"));

    client.close().expect("close");
}

#[divan::bench(args = ["shoes", "outdoor", "kitchen"])]
fn category_first_pages(bencher: Bencher, category: &str) {
    let mut client = perf_db();

    bencher.bench_local(|| {
        for page in 0..3 {
            divan::black_box(category_page(&mut client, category, page).expect("page"));
        }
    });

    client.close().expect("close");
}

#[divan::bench(args = ["trail running shoe", "cast iron", "tent 2p"], sample_count = 50)]
fn search_then_hydrate(bencher: Bencher, q: &str) {
    let base = std::env::var("PERF_SEARCH_URL").unwrap_or_else(|_| "http://search.perf.internal".into());
    let mut client = perf_db();

    bencher.bench_local(|| {
        let hits = search(&HTTP, &base, q).expect("search");
        let skus: Vec<String> = hits.into_iter().map(|h| h.sku).collect();
        lookup(&mut client, &skus).expect("hydrate")
    });

    client.close().expect("close");
}
