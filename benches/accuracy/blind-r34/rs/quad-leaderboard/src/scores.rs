use postgres::{Client, NoTls};

pub struct Entry {
    pub initials: String,
    pub score: i32,
}

pub fn connect() -> Result<Client, postgres::Error> {
    let url = std::env::var("LEADERBOARD_DB")
        .unwrap_or_else(|_| "host=10.0.0.5 user=arcade dbname=arcade".to_string());
    Client::connect(&url, NoTls)
}

pub fn top_ten(client: &mut Client) -> Result<Vec<Entry>, postgres::Error> {
    let rows = client.query(
        "SELECT initials, score FROM high_scores ORDER BY score DESC LIMIT 10",
        &[],
    )?;
    Ok(rows
        .iter()
        .map(|r| Entry {
            initials: r.get(0),
            score: r.get(1),
        })
        .collect())
}
