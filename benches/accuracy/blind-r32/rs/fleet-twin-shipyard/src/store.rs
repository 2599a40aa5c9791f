use std::time::Duration;

use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, Pool};
use diesel::sql_types::{Double, Integer, Text};
use shipyard::Unique;

#[derive(QueryableByName)]
pub struct RobotRow {
    #[diesel(sql_type = Integer)]
    pub id: i32,
    #[diesel(sql_type = Double)]
    pub x: f64,
    #[diesel(sql_type = Double)]
    pub y: f64,
    #[diesel(sql_type = Double)]
    pub dx: f64,
    #[diesel(sql_type = Double)]
    pub dy: f64,
    #[diesel(sql_type = Double)]
    pub battery: f64,
}

/// Connections the simulation needs. Built once in main and stored as a
/// shipyard unique, so systems borrow it instead of connecting themselves.
#[derive(Unique)]
pub struct Store {
    pub pool: Pool<ConnectionManager<PgConnection>>,
    pub dashboard: ureq::Agent,
    pub dashboard_url: String,
}

impl Store {
    pub fn connect(database_url: &str, dashboard_url: &str) -> anyhow::Result<Self> {
        let pool = Pool::builder()
            .max_size(4)
            .connection_timeout(Duration::from_secs(10))
            .build(ConnectionManager::<PgConnection>::new(database_url))?;
        let dashboard = ureq::AgentBuilder::new().timeout(Duration::from_secs(2)).build();
        Ok(Self { pool, dashboard, dashboard_url: dashboard_url.to_owned() })
    }

    pub fn load_fleet(&self) -> anyhow::Result<Vec<RobotRow>> {
        let mut conn = self.pool.get()?;
        let rows = diesel::sql_query("SELECT id, x, y, dx, dy, battery FROM twin_robots WHERE hall = 'B'")
            .load::<RobotRow>(&mut conn)?;
        Ok(rows)
    }

    pub fn save_snapshot(&self, tick: u64, rows: &[(i32, f64, f64, f64)]) -> anyhow::Result<()> {
        let mut conn = self.pool.get()?;
        conn.transaction::<_, diesel::result::Error, _>(|conn| {
            for (id, x, y, battery) in rows {
                diesel::sql_query(
                    "INSERT INTO twin_snapshots (robot_id, tick, x, y, battery) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind::<Integer, _>(*id)
                .bind::<diesel::sql_types::BigInt, _>(tick as i64)
                .bind::<Double, _>(*x)
                .bind::<Double, _>(*y)
                .bind::<Double, _>(*battery)
                .execute(conn)?;
            }
            diesel::sql_query("UPDATE twin_state SET last_tick = $1 WHERE hall = $2")
                .bind::<diesel::sql_types::BigInt, _>(tick as i64)
                .bind::<Text, _>("B")
                .execute(conn)?;
            Ok(())
        })?;
        Ok(())
    }
}
