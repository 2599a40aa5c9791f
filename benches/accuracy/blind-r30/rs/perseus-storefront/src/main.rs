mod templates;

#[cfg(engine)]
mod pricing;

use perseus::prelude::*;

#[perseus::main(perseus_axum::dflt_server)]
pub fn main<G: Html>() -> PerseusApp<G> {
    PerseusApp::new()
        .template(crate::templates::index::get_template())
        .template(crate::templates::account::get_template())
        .error_views(ErrorViews::unlocalized_development_default())
}
