use postgres::{Client, NoTls};

/// Cabinet database. Every cabinet in the venue talks to the same Postgres box
/// in the back office.
pub fn connect() -> Result<Client, postgres::Error> {
    let url = std::env::var("ARCADE_DB_URL")
        .unwrap_or_else(|_| "host=10.0.0.5 user=cabinet password=cabinet dbname=arcade".to_string());
    Client::connect(&url, NoTls)
}

pub struct ScoreRow {
    pub initials: String,
    pub score: i64,
}

pub fn top_scores(client: &mut Client, game: &str, limit: i64) -> Result<Vec<ScoreRow>, postgres::Error> {
    let rows = client.query(
        "SELECT initials, score FROM high_scores WHERE game = $1 ORDER BY score DESC LIMIT $2",
        &[&game, &limit],
    )?;
    Ok(rows
        .iter()
        .map(|r| ScoreRow { initials: r.get(0), score: r.get(1) })
        .collect())
}

/// Scores entered while the back office was unreachable are written to a
/// local file by the GDScript side; this replays them once a connection exists.
pub fn replay_offline(client: &mut Client, lines: &[String]) -> Result<usize, postgres::Error> {
    let mut n = 0;
    for line in lines {
        let mut parts = line.split(',');
        let (Some(game), Some(initials), Some(score)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let Ok(score) = score.trim().parse::<i64>() else { continue };
        client.execute(
            "INSERT INTO high_scores (game, initials, score) VALUES ($1, $2, $3)",
            &[&game, &initials, &score],
        )?;
        n += 1;
    }
    Ok(n)
}
