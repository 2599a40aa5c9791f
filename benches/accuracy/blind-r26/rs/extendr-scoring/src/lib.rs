use extendr_api::prelude::*;

mod db;

/// Called once from .onLoad when the R package is attached.
/// @export
#[extendr]
fn connect_scoring_db(url: &str) -> bool {
    match db::init(url) {
        Ok(()) => true,
        Err(e) => {
            rprintln!("churnscore: {e}");
            false
        }
    }
}

/// Churn score for one customer; called by the plumber endpoint per request.
/// @export
#[extendr]
fn customer_score(customer_id: i32) -> f64 {
    let features = match db::features(customer_id) {
        Ok(f) => f,
        Err(e) => throw_r_error(format!("feature lookup failed: {e}")),
    };
    let z = -1.2 + 0.04 * features.days_since_login - 0.8 * features.seats.ln_1p() + 0.6 * features.tickets_open;
    let score = 1.0 / (1.0 + (-z).exp());
    if let Err(e) = db::store_score(customer_id, score) {
        rprintln!("churnscore: could not persist score: {e}");
    }
    score
}

/// Resolve postcodes to regions via the geo service (batched per request).
/// @export
#[extendr]
fn postcode_regions(codes: Vec<String>) -> Vec<String> {
    codes.iter().map(|c| db::region_for(c).unwrap_or_else(|_| "unknown".to_string())).collect()
}

extendr_module! {
    mod scoring;
    fn connect_scoring_db;
    fn customer_score;
    fn postcode_regions;
}
