pub mod db {
    use std::time::Duration;

    use sea_orm::{ConnectOptions, Database, DatabaseConnection};

    /// Opens the access-control database. Each binary calls this exactly once
    /// at start-up; the door controller keeps the connection pool for its
    /// whole life, the export tool closes it when it is done.
    pub async fn connect() -> anyhow::Result<DatabaseConnection> {
        let url = std::env::var("ACCESS_DATABASE_URL")?;
        let mut opts = ConnectOptions::new(url);
        opts.max_connections(4)
            .min_connections(1)
            .connect_timeout(Duration::from_secs(5))
            .sqlx_logging(false);

        let mut attempt = 0u32;
        loop {
            attempt += 1;
            match Database::connect(opts.clone()).await {
                Ok(db) => return Ok(db),
                Err(err) if attempt < 10 => {
                    log::warn!("access db unavailable (attempt {attempt}): {err}");
                    tokio::time::sleep(Duration::from_secs(3)).await;
                }
                Err(err) => return Err(err.into()),
            }
        }
    }
}

pub mod access {
    use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement};

    pub async fn is_allowed(db: &DatabaseConnection, door: &str, card_uid: &str) -> Result<bool, DbErr> {
        let row = db
            .query_one(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT EXISTS (
                   SELECT 1 FROM cards c JOIN door_grants g ON g.person_id = c.person_id
                   WHERE c.uid = $1 AND g.door = $2 AND c.revoked_at IS NULL
                     AND now() BETWEEN g.valid_from AND g.valid_until
                 ) AS allowed",
                [card_uid.into(), door.into()],
            ))
            .await?;
        Ok(row.map(|r| r.try_get::<bool>("", "allowed")).transpose()?.unwrap_or(false))
    }

    pub async fn log_tap(db: &DatabaseConnection, door: &str, card_uid: &str, allowed: bool) -> Result<(), DbErr> {
        db.execute(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO door_events (door, card_uid, allowed, at) VALUES ($1, $2, $3, now())",
            [door.into(), card_uid.into(), allowed.into()],
        ))
        .await?;
        Ok(())
    }
}
