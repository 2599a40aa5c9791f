#[cfg(feature = "ssr")]
mod server {
    use axum::body::Body;
    use axum::extract::{FromRef, State};
    use axum::http::Request;
    use axum::response::IntoResponse;
    use leptos::{provide_context, LeptosOptions};
    use sqlx::PgPool;

    #[derive(Clone, FromRef)]
    pub struct AppState {
        pub leptos_options: LeptosOptions,
        pub pool: PgPool,
    }

    pub async fn server_fn_handler(State(state): State<AppState>, request: Request<Body>) -> impl IntoResponse {
        leptos_axum::handle_server_fns_with_context(move || provide_context(state.pool.clone()), request).await
    }
}

#[cfg(feature = "ssr")]
#[tokio::main]
async fn main() -> anyhow::Result<()> {
    use axum::routing::post;
    use axum::Router;
    use crew_roster::app::App;
    use leptos::{get_configuration, provide_context};
    use leptos_axum::{generate_route_list, LeptosRoutes};
    use server::{server_fn_handler, AppState};
    use sqlx::postgres::PgPoolOptions;
    use tower_http::services::ServeDir;

    let conf = get_configuration(None).await?;
    let leptos_options = conf.leptos_options;
    let addr = leptos_options.site_addr;
    let pkg_dir = format!("{}/{}", leptos_options.site_root, leptos_options.site_pkg_dir);

    let pool = PgPoolOptions::new()
        .max_connections(10)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    sqlx::query("SELECT 1").execute(&pool).await?;

    let state = AppState { leptos_options, pool };
    let routes = generate_route_list(App);
    let ctx_pool = state.pool.clone();

    let app = Router::new()
        .route("/api/*fn_name", post(server_fn_handler))
        .leptos_routes_with_context(&state, routes, move || provide_context(ctx_pool.clone()), App)
        .nest_service("/pkg", ServeDir::new(pkg_dir))
        .with_state(state);

    let listener = tokio::net::TcpListener::bind(&addr).await?;
    axum::serve(listener, app.into_make_service()).await?;
    Ok(())
}

#[cfg(not(feature = "ssr"))]
pub fn main() {
    // client-side entry point is `hydrate()` in lib.rs
}
