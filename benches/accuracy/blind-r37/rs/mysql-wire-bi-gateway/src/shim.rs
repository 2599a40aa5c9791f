//! Minimal MySQL protocol facade: the legacy BI tool only speaks MySQL, so we
//! answer its SELECTs against a whitelist of Postgres reporting views.

use std::io;

use msql_srv::{
    Column, ColumnFlags, ColumnType, ErrorKind, MysqlShim, ParamParser, QueryResultWriter,
    StatementMetaWriter,
};

use crate::db::PgPool;

const ALLOWED_VIEWS: &[&str] = &["sales_daily", "sales_by_region", "inventory_snapshot"];

pub struct Backend {
    pool: PgPool,
    peer: String,
}

impl Backend {
    pub fn new(pool: PgPool, peer: String) -> Self {
        Self { pool, peer }
    }

    fn view_for(sql: &str) -> Option<&'static str> {
        let lower = sql.to_ascii_lowercase();
        ALLOWED_VIEWS
            .iter()
            .copied()
            .find(|v| lower.starts_with("select") && lower.contains(&format!("from {v}")))
    }
}

impl<W: io::Write> MysqlShim<W> for Backend {
    type Error = io::Error;

    fn on_prepare(&mut self, _query: &str, info: StatementMetaWriter<'_, W>) -> io::Result<()> {
        info.error(ErrorKind::ER_NOT_SUPPORTED_YET, b"prepared statements are not supported")
    }

    fn on_execute(
        &mut self,
        _id: u32,
        _params: ParamParser<'_>,
        results: QueryResultWriter<'_, W>,
    ) -> io::Result<()> {
        results.error(ErrorKind::ER_NOT_SUPPORTED_YET, b"prepared statements are not supported")
    }

    fn on_close(&mut self, _stmt: u32) {}

    fn on_query(&mut self, sql: &str, results: QueryResultWriter<'_, W>) -> io::Result<()> {
        if sql.trim().eq_ignore_ascii_case("select @@version_comment limit 1") {
            let cols = [text_col("@@version_comment")];
            let mut w = results.start(&cols)?;
            w.write_row(["bi-gateway"])?;
            return w.finish();
        }
        let Some(view) = Self::view_for(sql) else {
            log::info!("{} sent unsupported query", self.peer);
            return results.error(ErrorKind::ER_SPECIFIC_ACCESS_DENIED_ERROR, b"only reporting views are exposed");
        };

        let mut conn = match self.pool.get() {
            Ok(c) => c,
            Err(e) => return results.error(ErrorKind::ER_CON_COUNT_ERROR, e.to_string().as_bytes()),
        };
        let rows = match conn.query(&format!("SELECT row_to_json(v)::text FROM {view} v LIMIT 50000"), &[]) {
            Ok(r) => r,
            Err(e) => return results.error(ErrorKind::ER_UNKNOWN_ERROR, e.to_string().as_bytes()),
        };

        let cols = [text_col("row")];
        let mut w = results.start(&cols)?;
        for row in rows {
            let json: String = row.get(0);
            w.write_row([json])?;
        }
        w.finish()
    }
}

fn text_col(name: &str) -> Column {
    Column {
        table: String::new(),
        column: name.to_string(),
        coltype: ColumnType::MYSQL_TYPE_VAR_STRING,
        colflags: ColumnFlags::empty(),
    }
}
