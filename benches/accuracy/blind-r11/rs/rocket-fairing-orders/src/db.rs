use rocket::fairing::AdHoc;
use sqlx::postgres::PgPoolOptions;

/// Orders database, managed as `State<PgPool>`.
pub fn stage() -> AdHoc {
    AdHoc::try_on_ignite("Orders database", |rocket| async {
        let url = match std::env::var("DATABASE_URL") {
            Ok(url) => url,
            Err(_) => {
                eprintln!("DATABASE_URL is not set");
                return Err(rocket);
            }
        };
        match PgPoolOptions::new().max_connections(16).connect(&url).await {
            Ok(pool) => Ok(rocket.manage(pool)),
            Err(err) => {
                eprintln!("orders database: {err}");
                Err(rocket)
            }
        }
    })
}
