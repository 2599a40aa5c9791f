//! Canteen routes are plain `fn(&Request) -> Response` pointers, so shared
//! state cannot be captured; db.rs keeps the pool in a OnceLock that main
//! fills before `run()`.
//!
//!   coupon-api --migrate   apply schema once and exit
//!   coupon-api             serve on $LISTEN_PORT (default 8085)

mod db;
mod routes;

use canteen::{utils, Canteen, Method};

fn main() {
    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL");

    if std::env::args().any(|a| a == "--migrate") {
        match db::migrate(&database_url) {
            Ok(()) => println!("schema up to date"),
            Err(e) => {
                eprintln!("migration failed: {e}");
                std::process::exit(1);
            }
        }
        return;
    }

    db::init(&database_url).expect("could not build Postgres pool");

    let port: u16 = std::env::var("LISTEN_PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(8085);

    let mut cnt = Canteen::new();
    cnt.bind(("0.0.0.0", port));
    cnt.set_default(utils::err_404);
    cnt.add_route("/healthz", &[Method::Get], routes::health)
        .add_route("/coupons/<str:code>", &[Method::Get], routes::get_coupon)
        .add_route("/coupons/<str:code>/redeem/<int:member>", &[Method::Post], routes::redeem)
        .add_route("/campaigns/<int:id>/stats", &[Method::Get], routes::campaign_stats);

    println!("coupon-api listening on :{port}");
    cnt.run();
}
