#[macro_use]
extern crate rocket;

mod audit;
mod db;
mod geo;
mod metrics;
mod routes;

#[launch]
fn rocket() -> _ {
    rocket::build()
        .attach(db::stage())
        .attach(audit::stage())
        .attach(metrics::RequestMetrics)
        .mount("/api", routes![routes::create_order, routes::get_order])
}
