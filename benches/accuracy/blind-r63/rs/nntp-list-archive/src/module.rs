//! Dependency wiring with shaku.
//!
//! * `MysqlDatabase` and `MysqlGroupIndex` are Components: one instance per module,
//!   created on first resolve and then shared (`Arc`) by every caller.
//! * `PooledArticleReader` is a Provider: a fresh value per `provide()`, holding a
//!   connection *checked out of* the shared pool, handed back when the reader is dropped.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mysql::prelude::Queryable;
use mysql::{Pool, PooledConn};
use shaku::{module, Component, HasComponent, Interface, Module, Provider};

pub trait Database: Interface {
    fn conn(&self) -> mysql::Result<PooledConn>;
}

#[derive(Component)]
#[shaku(interface = Database)]
pub struct MysqlDatabase {
    pool: Pool,
}

impl Database for MysqlDatabase {
    fn conn(&self) -> mysql::Result<PooledConn> {
        self.pool.get_conn()
    }
}

#[derive(Clone, Debug)]
pub struct Group {
    pub name: String,
    pub low: u64,
    pub high: u64,
    pub count: u64,
}

pub trait GroupIndex: Interface {
    fn groups(&self) -> mysql::Result<Vec<Group>>;
}

#[derive(Component)]
#[shaku(interface = GroupIndex)]
pub struct MysqlGroupIndex {
    #[shaku(inject)]
    db: Arc<dyn Database>,
    cache: Mutex<Option<(Instant, Vec<Group>)>>,
}

impl GroupIndex for MysqlGroupIndex {
    fn groups(&self) -> mysql::Result<Vec<Group>> {
        let mut cache = self.cache.lock().unwrap();
        if let Some((at, groups)) = cache.as_ref() {
            if at.elapsed() < Duration::from_secs(300) {
                return Ok(groups.clone());
            }
        }
        let mut conn = self.db.conn()?;
        let groups: Vec<Group> = conn.query_map(
            "SELECT l.newsgroup, MIN(m.article_no), MAX(m.article_no), COUNT(*) \
               FROM lists l JOIN messages m ON m.list_id = l.id GROUP BY l.newsgroup ORDER BY 1",
            |(name, low, high, count)| Group { name, low, high, count },
        )?;
        *cache = Some((Instant::now(), groups.clone()));
        Ok(groups)
    }
}

pub struct Overview {
    pub number: u64,
    pub subject: String,
    pub from: String,
    pub date: String,
    pub message_id: String,
    pub references: String,
    pub bytes: u64,
    pub lines: u64,
}

pub trait ArticleReader {
    fn raw_article(&mut self, group: &str, number: u64) -> mysql::Result<Option<(String, Vec<u8>)>>;
    fn overview(&mut self, group: &str, low: u64, high: u64) -> mysql::Result<Vec<Overview>>;
}

pub struct PooledArticleReader {
    conn: PooledConn,
}

impl<M: Module + HasComponent<dyn Database>> Provider<M> for PooledArticleReader {
    type Interface = dyn ArticleReader;

    fn provide(module: &M) -> Result<Box<dyn ArticleReader>, Box<dyn std::error::Error>> {
        let db: &dyn Database = module.resolve_ref();
        Ok(Box::new(PooledArticleReader { conn: db.conn()? }))
    }
}

impl ArticleReader for PooledArticleReader {
    fn raw_article(&mut self, group: &str, number: u64) -> mysql::Result<Option<(String, Vec<u8>)>> {
        self.conn.exec_first(
            "SELECT m.message_id, m.raw FROM messages m JOIN lists l ON l.id = m.list_id \
              WHERE l.newsgroup = ? AND m.article_no = ?",
            (group, number),
        )
    }

    fn overview(&mut self, group: &str, low: u64, high: u64) -> mysql::Result<Vec<Overview>> {
        self.conn.exec_map(
            "SELECT m.article_no, m.subject, m.from_hdr, DATE_FORMAT(m.sent_at, '%a, %d %b %Y %T +0000'), \
                    m.message_id, m.references_hdr, m.bytes, m.lines \
               FROM messages m JOIN lists l ON l.id = m.list_id \
              WHERE l.newsgroup = ? AND m.article_no BETWEEN ? AND ? ORDER BY m.article_no",
            (group, low, high),
            |(number, subject, from, date, message_id, references, bytes, lines)| Overview {
                number, subject, from, date, message_id, references, bytes, lines,
            },
        )
    }
}

module! {
    pub ArchiveModule {
        components = [MysqlDatabase, MysqlGroupIndex],
        providers = [PooledArticleReader]
    }
}
