mod handlers;
mod search;

use std::convert::Infallible;

use warp::Filter;

fn with_mysql(pool: mysql_async::Pool) -> impl Filter<Extract = (mysql_async::Pool,), Error = Infallible> + Clone {
    warp::any().map(move || pool.clone())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let opts = mysql_async::Opts::from_url(&std::env::var("MYSQL_URL")?)?;
    let pool = mysql_async::Pool::new(opts);

    let search = warp::get()
        .and(warp::path!("t" / String / "search"))
        .and(warp::query::<handlers::SearchQuery>())
        .and_then(handlers::search);

    let tenant_info = warp::get()
        .and(warp::path!("t" / String))
        .and(with_mysql(pool.clone()))
        .and_then(handlers::tenant_info);

    let reindex = warp::post()
        .and(warp::path!("t" / String / "products" / u64 / "reindex"))
        .and(with_mysql(pool.clone()))
        .and_then(handlers::reindex_product);

    let routes = search.or(tenant_info).or(reindex).recover(handlers::recover);
    warp::serve(routes).run(([0, 0, 0, 0], 8080)).await;

    pool.disconnect().await?;
    Ok(())
}
