use postgres::{Client, NoTls};

/// Game history database (also read by the nightly tendency trainer).
pub fn open() -> Result<Client, postgres::Error> {
    let url = std::env::var("STATS_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://viper@localhost/battlesnake".into());
    Client::connect(&url, NoTls)
}
