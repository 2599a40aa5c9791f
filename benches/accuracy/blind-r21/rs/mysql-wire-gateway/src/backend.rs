use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use async_trait::async_trait;
use mysql_async::prelude::Queryable;
use mysql_async::{Pool, Value};
use opensrv_mysql::{
    AsyncMysqlShim, Column, ColumnFlags, ColumnType, ErrorKind, OkResponse, ParamParser,
    QueryResultWriter, StatementMetaWriter,
};
use serde::Deserialize;
use tokio::io::AsyncWrite;
use tracing::debug;

use crate::locks;

pub struct ClickHouseSettings {
    pub url: String,
    pub user: String,
    pub password: String,
    pub database: String,
}

#[derive(Debug, Deserialize, clickhouse::Row)]
struct DailyEvents {
    day: String,
    event: String,
    total: u64,
}

/// One backend per client connection.
pub struct Backend {
    pool: Pool,
    clickhouse: Arc<ClickHouseSettings>,
    peer: SocketAddr,
}

impl Backend {
    pub fn new(pool: Pool, clickhouse: Arc<ClickHouseSettings>, peer: SocketAddr) -> Self {
        Self { pool, clickhouse, peer }
    }

    fn text_col(table: &str, name: &str) -> Column {
        Column {
            table: table.to_string(),
            column: name.to_string(),
            coltype: ColumnType::MYSQL_TYPE_VAR_STRING,
            colflags: ColumnFlags::empty(),
        }
    }

    async fn events_daily<W: AsyncWrite + Send + Unpin>(&self, results: QueryResultWriter<'_, W>) -> io::Result<()> {
        let ch = clickhouse::Client::default()
            .with_url(&self.clickhouse.url)
            .with_user(&self.clickhouse.user)
            .with_password(&self.clickhouse.password)
            .with_database(&self.clickhouse.database);
        let rows = ch
            .query("SELECT toString(day) AS day, event, sum(cnt) AS total FROM events_daily \
                    WHERE day >= today() - 30 GROUP BY day, event ORDER BY day, event")
            .fetch_all::<DailyEvents>()
            .await;
        let rows = match rows {
            Ok(r) => r,
            Err(e) => return results.error(ErrorKind::ER_UNKNOWN_ERROR, e.to_string().as_bytes()).await,
        };
        let cols = [
            Self::text_col("events_daily", "day"),
            Self::text_col("events_daily", "event"),
            Self::text_col("events_daily", "total"),
        ];
        let mut w = results.start(&cols).await?;
        for r in rows {
            w.write_col(r.day)?;
            w.write_col(r.event)?;
            w.write_col(r.total)?;
            w.end_row().await?;
        }
        w.finish().await
    }

    async fn forward<W: AsyncWrite + Send + Unpin>(&self, sql: &str, results: QueryResultWriter<'_, W>) -> io::Result<()> {
        let mut conn = match self.pool.get_conn().await {
            Ok(c) => c,
            Err(e) => return results.error(ErrorKind::ER_CON_COUNT_ERROR, e.to_string().as_bytes()).await,
        };
        let (cols, rows, affected) = {
            let mut result = match conn.query_iter(sql).await {
                Ok(r) => r,
                Err(e) => return results.error(ErrorKind::ER_UNKNOWN_ERROR, e.to_string().as_bytes()).await,
            };
            let cols: Vec<Column> = result
                .columns()
                .map(|cs| cs.iter().map(|c| Self::text_col(&c.table_str(), &c.name_str())).collect())
                .unwrap_or_default();
            let affected = result.affected_rows();
            let rows: Vec<mysql_async::Row> = result.collect().await.map_err(io::Error::other)?;
            (cols, rows, affected)
        };

        if cols.is_empty() {
            return results.completed(OkResponse { affected_rows: affected, ..Default::default() }).await;
        }
        let mut w = results.start(&cols).await?;
        for row in rows {
            for i in 0..cols.len() {
                let cell = match row.as_ref(i) {
                    None | Some(Value::NULL) => None,
                    Some(Value::Bytes(b)) => Some(String::from_utf8_lossy(b).into_owned()),
                    Some(other) => Some(other.as_sql(true)),
                };
                w.write_col(cell)?;
            }
            w.end_row().await?;
        }
        w.finish().await
    }
}

#[async_trait]
impl<W: AsyncWrite + Send + Unpin> AsyncMysqlShim<W> for Backend {
    type Error = io::Error;

    async fn on_prepare<'a>(&'a mut self, _query: &'a str, info: StatementMetaWriter<'a, W>) -> io::Result<()> {
        info.error(ErrorKind::ER_NOT_SUPPORTED_YET, b"prepared statements are not supported by the gateway").await
    }

    async fn on_execute<'a>(&'a mut self, _id: u32, _params: ParamParser<'a>, results: QueryResultWriter<'a, W>) -> io::Result<()> {
        results.error(ErrorKind::ER_UNKNOWN_STMT_HANDLER, b"unknown statement").await
    }

    async fn on_close<'a>(&'a mut self, _stmt: u32)
    where
        W: 'async_trait,
    {
    }

    async fn on_query<'a>(&'a mut self, sql: &'a str, results: QueryResultWriter<'a, W>) -> io::Result<()> {
        let sql = sql.trim().trim_end_matches(';');
        let upper = sql.to_ascii_uppercase();
        debug!(peer = %self.peer, %sql, "query");

        if upper.starts_with("SELECT GET_LOCK(") {
            let Some(name) = locks::lock_name(sql) else {
                return results.error(ErrorKind::ER_PARSE_ERROR, b"GET_LOCK needs a quoted name").await;
            };
            let got = locks::acquire(&self.pool, &name, locks::lock_timeout(sql)).await.map_err(io::Error::other)?;
            let cols = [Self::text_col("", "GET_LOCK")];
            let mut w = results.start(&cols).await?;
            w.write_col(got)?;
            w.end_row().await?;
            return w.finish().await;
        }
        if upper.starts_with("SELECT RELEASE_LOCK(") {
            let name = locks::lock_name(sql).unwrap_or_default();
            let released = locks::release(&name).await.map_err(io::Error::other)?;
            let cols = [Self::text_col("", "RELEASE_LOCK")];
            let mut w = results.start(&cols).await?;
            w.write_col(released)?;
            w.end_row().await?;
            return w.finish().await;
        }
        if upper.contains("FROM EVENTS_DAILY") {
            return self.events_daily(results).await;
        }
        self.forward(sql, results).await
    }
}
