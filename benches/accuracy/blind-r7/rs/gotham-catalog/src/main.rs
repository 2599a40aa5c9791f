mod db;
mod handlers;
mod schema;

use gotham::middleware::state::StateMiddleware;
use gotham::pipeline::{new_pipeline, single_pipeline};
use gotham::router::builder::{build_router, DefineSingleRoute, DrawRoutes};
use gotham::router::Router;

use db::AppState;

fn router(state: AppState) -> Router {
    let (chain, pipelines) = single_pipeline(new_pipeline().add(StateMiddleware::new(state)).build());
    build_router(chain, pipelines, |route| {
        route.get("/products").to(handlers::list_products);
        route
            .get("/products/:id")
            .with_path_extractor::<handlers::ProductPath>()
            .to(handlers::get_product);
    })
}

fn main() {
    let pool = db::build_pool().expect("could not connect to the catalog database");
    let addr = "0.0.0.0:7878";
    println!("catalog listening on http://{addr}");
    gotham::start(addr, router(AppState { pool })).expect("server failed");
}
