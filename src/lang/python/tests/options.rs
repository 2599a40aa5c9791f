use super::*;
use crate::lang::testkit::*;

fn config<'f>(f: &'f FileFacts, ctor: &str) -> &'f ClientConfig {
    let idx = f
        .clients
        .iter()
        .position(|c| c.ctor == ctor)
        .unwrap_or_else(|| panic!("no client {ctor} in {:#?}", f.clients));
    f.client_config(idx)
        .unwrap_or_else(|| panic!("no config for {ctor} in {:#?}", f.client_configs))
}

fn nth_config(f: &FileFacts, n: usize) -> &ClientConfig {
    f.client_configs
        .iter()
        .find(|c| c.client == n)
        .unwrap_or_else(|| panic!("no config for client {n} in {:#?}", f.client_configs))
}

#[test]
fn keyword_options_and_nested_dicts() {
    let src = "\
from sqlalchemy import create_engine, pool
from sqlalchemy.pool import NullPool
from sqlalchemy.ext.asyncio import create_async_engine

engine = create_engine(
    DATABASE_URL,
    pool_size=20,
    max_overflow=30,
    poolclass=NullPool,
    pool_pre_ping=True,
    echo=False,
    isolation_level='AUTOCOMMIT',
    pool_recycle=20_000,
    pool_timeout=-1,
    execution_options=None,
    connect_args={
        'statement_cache_size': 0,
        \"prepared_statement_cache_size\": 0,
        'server_settings': {'jit': 'off'},
    },
)
other = create_async_engine('postgresql+asyncpg://u:p@db.example.com:6543/app', poolclass=pool.NullPool)
";
    let f = facts("app/db.py", src);
    let c = config(&f, "create_engine()");
    assert_eq!(opt(c, "pool_size"), &OptValue::Int(20));
    assert_eq!(opt(c, "max_overflow"), &OptValue::Int(30));
    assert_eq!(opt(c, "poolclass"), &OptValue::Name("NullPool".into()));
    assert_eq!(opt(c, "pool_pre_ping"), &OptValue::Bool(true));
    assert_eq!(opt(c, "echo"), &OptValue::Bool(false));
    assert_eq!(
        opt(c, "isolation_level"),
        &OptValue::Str("AUTOCOMMIT".into())
    );
    assert_eq!(opt(c, "pool_recycle"), &OptValue::Int(20_000));
    assert_eq!(opt(c, "pool_timeout"), &OptValue::Int(-1));
    assert_eq!(opt(c, "execution_options"), &OptValue::Null);
    assert_eq!(
        opt(c, "connect_args.statement_cache_size"),
        &OptValue::Int(0)
    );
    assert_eq!(
        opt(c, "connect_args.prepared_statement_cache_size"),
        &OptValue::Int(0)
    );
    assert_eq!(
        opt(c, "connect_args.server_settings.jit"),
        &OptValue::Str("off".into())
    );
    assert!(c.options.iter().all(|o| o.key != "connect_args"));
    let size = c.options.iter().find(|o| o.key == "pool_size").unwrap();
    assert_eq!(&src[size.span.range()], "20");
    // `DATABASE_URL` is not defined anywhere: no URL.
    assert_eq!(c.url, None);

    let o = config(&f, "create_async_engine()");
    assert_eq!(opt(o, "poolclass"), &OptValue::Name("NullPool".into()));
    let Some(UrlRef::Literal { text, span }) = &o.url else {
        panic!("{:?}", o.url)
    };
    assert_eq!(text, "postgresql+asyncpg://u:p@db.example.com:6543/app");
    assert_eq!(&src[span.range()], text);
    // The literal is also a URL fact, not assigned to a variable.
    assert!(f.urls.iter().any(|u| u.text == *text && u.var.is_none()));
}

#[test]
fn other_libraries_and_values() {
    let src = "\
import psycopg
import pymongo
import redis
from psycopg_pool import ConnectionPool

conn = psycopg.connect(conninfo=DSN, prepare_threshold=None, autocommit=True)
pool = ConnectionPool('postgresql://u@h:6543/db', max_size=0x10, kwargs={'prepare_threshold': None})
mongo = pymongo.MongoClient(host='mongodb://mongo:27017', maxPoolSize=200)
cache = redis.Redis(host='localhost', port=6379, max_connections=None)
plain = redis.Redis()
";
    let f = facts_with(
        "app/db.py",
        src,
        &["psycopg", "psycopg-pool", "pymongo", "redis"],
    );
    let c = config(&f, "psycopg.connect()");
    assert_eq!(opt(c, "prepare_threshold"), &OptValue::Null);
    assert_eq!(opt(c, "autocommit"), &OptValue::Bool(true));
    // A name defined nowhere in the file: a name, and no URL.
    assert_eq!(opt(c, "conninfo"), &OptValue::Name("DSN".into()));
    assert_eq!(c.url, None);
    let p = config(&f, "ConnectionPool()");
    assert_eq!(opt(p, "max_size"), &OptValue::Int(16));
    assert_eq!(opt(p, "kwargs.prepare_threshold"), &OptValue::Null);
    assert_eq!(literal_url(p), Some("postgresql://u@h:6543/db"));
    let m = config(&f, "pymongo.MongoClient()");
    assert_eq!(opt(m, "maxPoolSize"), &OptValue::Int(200));
    assert_eq!(literal_url(m), Some("mongodb://mongo:27017"));
    let r = config(&f, "redis.Redis()");
    assert_eq!(opt(r, "max_connections"), &OptValue::Null);
    assert_eq!(opt(r, "port"), &OptValue::Int(6379));
    // `host='localhost'` is not a URL.
    assert_eq!(r.url, None);
    // No options, no URL: no config.
    let plain = f
        .clients
        .iter()
        .rposition(|c| c.ctor == "redis.Redis()")
        .unwrap();
    assert!(f.client_configs.iter().all(|c| c.client != plain));
    assert_eq!(f.client_configs.len(), 4);
}

#[test]
fn module_constants_are_followed() {
    let src = "\
import os
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

POOL_SIZE = 20
MAX_OVERFLOW: int = 30
OVERFLOW = MAX_OVERFLOW
TIMEOUT = int(os.getenv('POOL_TIMEOUT', '30'))
CONNECT_ARGS = {'statement_cache_size': 0}
ENGINE_OPTIONS = dict(pool_pre_ping=True, echo=False)
if os.getenv('DEBUG'):
    RECYCLE = 60
else:
    RECYCLE = 600
DATABASE_URL = 'postgresql://app@db:5432/app'

def get_engine(size):
    limit = 5
    overflow = limit
    return create_engine(
        DATABASE_URL,
        pool_size=POOL_SIZE,
        max_overflow=OVERFLOW,
        pool_timeout=TIMEOUT,
        connect_args=CONNECT_ARGS,
        pool_recycle=RECYCLE,
        pool_use_lifo=size,
        echo_pool=overflow,
        hide_parameters=POOL_SIZE * 2,
        **ENGINE_OPTIONS,
    )

engine = get_engine(1)
SessionLocal = sessionmaker(bind=engine, autoflush=False)
";
    let f = facts("app/db.py", src);
    let c = config(&f, "create_engine()");
    assert_eq!(opt(c, "pool_size"), &OptValue::Int(20));
    assert_eq!(opt(c, "max_overflow"), &OptValue::Int(30));
    assert_eq!(opt(c, "pool_timeout"), &OptValue::Unknown);
    assert_eq!(
        opt(c, "connect_args.statement_cache_size"),
        &OptValue::Int(0)
    );
    // Two different values at module level: not known.
    assert_eq!(opt(c, "pool_recycle"), &OptValue::Unknown);
    // `**ENGINE_OPTIONS`.
    assert_eq!(opt(c, "pool_pre_ping"), &OptValue::Bool(true));
    assert_eq!(opt(c, "echo"), &OptValue::Bool(false));
    // A parameter is not evaluated; a local is followed.
    assert_eq!(opt(c, "pool_use_lifo"), &OptValue::Unknown);
    assert_eq!(opt(c, "echo_pool"), &OptValue::Int(5));
    assert_eq!(opt(c, "hide_parameters"), &OptValue::Unknown);
    let size = c.options.iter().find(|o| o.key == "pool_size").unwrap();
    assert_eq!(&src[size.span.range()], "POOL_SIZE");
    assert_eq!(literal_url(c), Some("postgresql://app@db:5432/app"));
    // `sessionmaker(bind=engine)`: options, no URL.
    let s = config(&f, "sessionmaker()");
    assert_eq!(s.url, None);
    assert_eq!(opt(s, "autoflush"), &OptValue::Bool(false));
    assert_eq!(opt(s, "bind"), &OptValue::Unknown);
    // The URL literal is a fact with its constant.
    let u = f
        .urls
        .iter()
        .find(|u| u.text == "postgresql://app@db:5432/app")
        .unwrap();
    assert_eq!(u.var.as_deref(), Some("DATABASE_URL"));
    assert_eq!(&src[u.span.range()], "postgresql://app@db:5432/app");
}

#[test]
fn constants_defined_after_a_module_level_construction_do_not_count() {
    let src = "\
from sqlalchemy import create_engine
engine = create_engine(URL, pool_size=SIZE)
SIZE = 5
URL = 'postgresql://late/db'
";
    let f = facts("app/db.py", src);
    let c = config(&f, "create_engine()");
    assert_eq!(opt(c, "pool_size"), &OptValue::Name("SIZE".into()));
    assert_eq!(c.url, None);
}

#[test]
fn urls_from_the_environment() {
    let src = "\
import os
from os import environ, getenv
from decouple import config as env_config
from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import create_async_engine
import redis
import pymongo
from app.core.config import settings, get_settings

DATABASE_URL = os.getenv('DATABASE_URL', 'postgresql://localhost/dev')
if DATABASE_URL.startswith('postgres://'):
    DATABASE_URL = DATABASE_URL.replace('postgres://', 'postgresql://', 1)

e1 = create_engine(os.environ['PRIMARY_URL'])
e2 = create_engine(os.environ.get('REPLICA_URL'), pool_size=5)
e3 = create_engine(getenv('ANALYTICS_URL', 'postgresql://x/y'))
e4 = create_engine(environ['REPORTS_URL'])
e5 = create_engine(DATABASE_URL)
e6 = create_async_engine(settings.DATABASE_URL)
e7 = create_async_engine(str(settings.sqlalchemy_database_uri))
e8 = create_async_engine(get_settings().database_url)
e9 = create_engine(env_config('LEGACY_URL'))
r1 = redis.Redis.from_url(os.environ['REDIS_URL'].strip())
m1 = pymongo.MongoClient(host=os.getenv('MONGO_URI'))
m2 = pymongo.MongoClient(host=os.getenv('MONGO_HOST'))

def make(config):
    url = os.environ['WORKER_URL']
    return create_engine(url)

def make_other(self_url):
    url = self_url
    return create_engine(url=url)

def from_config(config):
    return create_engine(config.DATABASE_URL)

def fallback():
    return create_engine(os.getenv('FALLBACK_URL') or 'postgresql://localhost/fallback')
";
    let f = facts_with(
        "app/db.py",
        src,
        &["sqlalchemy", "redis", "pymongo", "python-decouple"],
    );
    let names: Vec<Option<&str>> = (0..f.clients.len())
        .map(|i| {
            f.client_configs
                .iter()
                .find(|c| c.client == i)
                .and_then(env_name)
        })
        .collect();
    assert_eq!(
        names,
        vec![
            Some("PRIMARY_URL"),
            Some("REPLICA_URL"),
            Some("ANALYTICS_URL"),
            Some("REPORTS_URL"),
            Some("DATABASE_URL"),
            Some("DATABASE_URL"),
            Some("SQLALCHEMY_DATABASE_URI"),
            Some("DATABASE_URL"),
            Some("LEGACY_URL"),
            Some("REDIS_URL"),
            Some("MONGO_URI"),
            None,
            Some("WORKER_URL"),
            None,
            Some("DATABASE_URL"),
            Some("FALLBACK_URL"),
        ]
    );
    // The Env span is the lookup.
    let Some(UrlRef::Env { span, .. }) = &nth_config(&f, 0).url else {
        panic!()
    };
    assert_eq!(&src[span.range()], "os.environ['PRIMARY_URL']");
    let Some(UrlRef::Env { span, .. }) = &nth_config(&f, 4).url else {
        panic!()
    };
    assert_eq!(
        &src[span.range()],
        "os.getenv('DATABASE_URL', 'postgresql://localhost/dev')"
    );
    // An env lookup as an option value is not evaluated.
    assert_eq!(opt(nth_config(&f, 1), "pool_size"), &OptValue::Int(5));
    // Defaults of env lookups are URL facts named after the variable they default.
    let dev = f
        .urls
        .iter()
        .find(|u| u.text == "postgresql://localhost/dev")
        .unwrap();
    assert_eq!(dev.var.as_deref(), Some("DATABASE_URL"));
    let xy = f
        .urls
        .iter()
        .find(|u| u.text == "postgresql://x/y")
        .unwrap();
    assert_eq!(xy.var.as_deref(), Some("ANALYTICS_URL"));
    // `'postgres://'` alone is not a URL.
    assert_eq!(f.urls.len(), 3);
}

#[test]
fn formatted_urls_are_read_with_their_placeholders() {
    let src = "\
import os
from sqlalchemy import create_engine

USER = os.getenv('DB_USER')
URL = f'postgresql://{USER}@db:5432/app'
OTHER = 'postgresql://{}@db/app'.format(USER)
JOINED = 'postgresql://' + USER + '@db/app'

a = create_engine(URL, pool_size=10)
b = create_engine(OTHER)
c = create_engine(JOINED)
d = create_engine(f'postgresql://{USER}@db/app')
";
    let f = facts("app/db.py", src);
    assert_eq!(f.clients.len(), 4);
    // An f-string and a `.format()` read as what is written, each placeholder standing for its
    // value; a concatenation gives nothing.
    let urls: Vec<Option<String>> = f
        .client_configs
        .iter()
        .map(|c| match &c.url {
            Some(UrlRef::Literal { text, .. }) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        urls,
        vec![
            Some("postgresql://USER@db:5432/app".to_string()),
            Some("postgresql://USER@db/app".to_string()),
            Some("postgresql://USER@db/app".to_string()),
        ],
        "{:?}",
        f.client_configs
    );
    // They are no URL literals of the file (what `pooler-prepared-statements` may rewrite).
    assert!(f.urls.is_empty(), "{:?}", f.urls);
}

#[test]
fn url_literals_and_settings_fields() {
    let src = "\
from pydantic_settings import BaseSettings

class Settings(BaseSettings):
    database_url: str = 'postgresql+asyncpg://app:pw@aws-0-eu.pooler.supabase.com:6543/postgres'
    redis_url = (\"redis://cache:6379/0\")
    docs_url: str = 'https://example.com/docs'

class Plain:
    url = 'mysql://root@localhost/app'

TEST_URLS = ['mongodb://localhost:27017/test']
note = 'see postgres://host/db for details'
raw = r'postgresql://raw@host/db'
";
    let f = facts("app/config.py", src);
    let got: Vec<(Option<&str>, &str)> = f
        .urls
        .iter()
        .map(|u| (u.var.as_deref(), u.text.as_ref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Some("DATABASE_URL"),
                "postgresql+asyncpg://app:pw@aws-0-eu.pooler.supabase.com:6543/postgres"
            ),
            (Some("REDIS_URL"), "redis://cache:6379/0"),
            (Some("url"), "mysql://root@localhost/app"),
            (None, "mongodb://localhost:27017/test"),
            (Some("raw"), "postgresql://raw@host/db"),
        ]
    );
    for u in &f.urls {
        assert_eq!(&src[u.span.range()], u.text);
    }
}

#[test]
fn project_imports() {
    let src = "\
import os
import sqlalchemy as sa
from fastapi import APIRouter
from app.db import engine, SessionLocal
from app.db import get_db
from app import models
from . import views
from .services.users import UserService
from ..core.config import settings
import app.utils.cache as cache
import numpy

def f():
    from app.tasks import run
";
    let f = facts("app/routers/users.py", src);
    let keys: Vec<&str> = f.imports.iter().map(|m| m.candidates[0].as_str()).collect();
    assert_eq!(
        keys,
        vec![
            "app/db",
            "app/db/engine",
            "app/db/get_db",
            "app",
            "app/models",
            "app/routers",
            "app/routers/views",
            "app/routers/services/users",
            "app/core/config",
            "app/core/config/settings",
            "app/utils/cache",
            "app/tasks",
            "app/tasks/run",
        ]
    );
    // Packages and the standard library are not recorded; each module once.
    assert_eq!(
        f.imports[0].candidates.to_vec(),
        vec!["app/db", "src/app/db"]
    );
    let files = facts_with(
        "app/x.py",
        "import redis\nfrom redis import Redis\n",
        &["redis"],
    );
    assert!(files.imports.is_empty());
}
