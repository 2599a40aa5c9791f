pub mod db;
pub mod pricing;
pub mod reporting;
pub mod routes;

use pavex::blueprint::router::{GET, POST};
use pavex::blueprint::Blueprint;
use pavex::f;
use pavex::kit::ApiKit;

pub fn blueprint() -> Blueprint {
    let mut bp = Blueprint::new();
    ApiKit::new().register(&mut bp);

    // Application state, built once when the server starts.
    bp.singleton(f!(crate::db::pool));
    bp.singleton(f!(crate::reporting::ReportingDb::connect));

    // Built for every incoming request.
    bp.request_scoped(f!(crate::pricing::PricingClient::new));

    bp.route(GET, "/products/{id}", f!(crate::routes::get_product))
        .error_handler(f!(crate::routes::api_error));
    bp.route(GET, "/reports/daily", f!(crate::routes::daily_report))
        .error_handler(f!(crate::routes::api_error));
    bp.route(POST, "/exports", f!(crate::routes::export_catalog))
        .error_handler(f!(crate::routes::api_error));
    bp
}
