//! Arcade-wide high score table shared by all cabinets on the floor.
use postgres::{Client, NoTls};

pub fn connect() -> Result<Client, postgres::Error> {
    let url = std::env::var("ARCADE_PG_URL")
        .unwrap_or_else(|_| "postgres://cabinet@arcade-db.local/scores".to_string());
    Client::connect(&url, NoTls)
}

pub fn top_ten(client: &mut Client) -> Result<Vec<(String, i32)>, postgres::Error> {
    let rows = client.query(
        "SELECT initials, score FROM high_scores WHERE game = 'cave' ORDER BY score DESC LIMIT 10",
        &[],
    )?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

pub fn submit(client: &mut Client, initials: &str, score: i32) -> Result<(), postgres::Error> {
    client.execute(
        "INSERT INTO high_scores (game, initials, score) VALUES ('cave', $1, $2)",
        &[&initials, &score],
    )?;
    Ok(())
}
