use super::*;

// -----------------------------------------------------------------------------------------
// Sessions (`unclosed-session`)
// -----------------------------------------------------------------------------------------

fn sessions(f: &FileFacts) -> Vec<(&str, Closing)> {
    f.sessions
        .iter()
        .map(|s| (s.ctor.as_str(), s.closing))
        .collect()
}

#[test]
fn seed_generator_dependencies() {
    let src = "\
from fastapi import Depends, FastAPI
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

def get_db_happy_path():
    db = SessionLocal()
    yield db
    db.close()

def get_db_never():
    db = SessionLocal()
    yield db

def get_db_finally():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()

def get_db_with():
    with SessionLocal() as db:
        yield db

def make_session():
    return SessionLocal()

def report():
    with engine.connect() as conn:
        return conn.execute(text('select 1')).all()

def leak():
    conn = engine.connect()
    return conn.execute(text('select 1')).all()

def first_user():
    return SessionLocal().query(User).first()

engine = create_engine(URL)
SessionLocal = sessionmaker(bind=engine, autoflush=False)
module_session = SessionLocal()
";
    let f = facts("app/database.py", src);
    use Closing::*;
    assert_eq!(
        sessions(&f),
        [
            ("SessionLocal()", NotOnErrorPaths),
            ("SessionLocal()", Never),
            ("SessionLocal()", Always),
            ("SessionLocal()", Always),
            ("SessionLocal()", HandedOver),
            ("engine.connect()", Always),
            ("engine.connect()", Never),
            ("SessionLocal()", Never),
        ]
    );
    let s = &f.sessions[0];
    assert_eq!(s.client, "sqlalchemy-sessionmaker-session");
    assert_eq!(s.kind, ClientKind::Session);
    assert_eq!(s.binding.as_deref(), Some("db"));
    assert_eq!(s.release.as_deref(), Some("close"));
    assert!(s.in_generator);
    assert_eq!(s.scope.kind, ScopeKind::Function);
    assert_eq!(
        f.function(s.in_fn).map(|x| x.name.as_str()),
        Some("get_db_happy_path")
    );
    assert_eq!(&src[s.span.range()], "SessionLocal()");
    assert_eq!(
        &src[s.anchors.statement.expect("statement").range()],
        "db = SessionLocal()"
    );
    assert_eq!(
        &src[s.anchors.rest_of_block.expect("rest").range()],
        "yield db\n    db.close()"
    );
    assert_eq!(s.anchors.indent, "    ");
    let leak = &f.sessions[6];
    assert_eq!(leak.client, "sqlalchemy-connection");
    assert_eq!(leak.kind, ClientKind::Checkout);
    assert!(!leak.in_generator);
    // The sessionmaker itself is a factory, not a session; module level is not recorded.
    assert!(f.sessions.iter().all(|s| s.in_fn.is_some()));
    // Nothing changes for per-request-client: no client sites for the checkouts.
    assert!(
        f.clients
            .iter()
            .all(|c| c.client != "sqlalchemy-connection")
    );
}

#[test]
fn imported_session_factories_and_async_sessions() {
    let src = "\
from typing import AsyncGenerator
from fastapi import Depends
from app.database import AsyncSessionLocal, SessionLocal, get_session, engine
from app.models import ChatSession
from app.schemas import session as session_schemas
from app.http import ApiSession
from .db import async_session

def models():
    chat = ChatSession()
    out = session_schemas.SessionOut()
    api = ApiSession(base_url=URL)

async def get_db() -> AsyncGenerator:
    async with AsyncSessionLocal() as session:
        yield session

async def get_db_finally():
    session = AsyncSessionLocal()
    try:
        yield session
    finally:
        await session.close()

async def get_db_try_except():
    async with AsyncSessionLocal() as session:
        try:
            yield session
        finally:
            await session.close()

def sync_job():
    db = SessionLocal()
    db.execute(q)
    db.commit()

async def other():
    s = get_session()
    async with async_session() as s2, s2.begin():
        pass
    async with engine.begin() as conn:
        await conn.run_sync(create_all)
";
    let f = facts_with("app/deps.py", src, &["fastapi", "sqlalchemy"]);
    use Closing::*;
    assert_eq!(
        sessions(&f),
        [
            ("AsyncSessionLocal()", Always),
            ("AsyncSessionLocal()", Always),
            ("AsyncSessionLocal()", Always),
            ("SessionLocal()", Never),
            ("async_session()", Always),
            ("engine.begin()", Always),
        ]
    );
    assert!(f.sessions[0].in_generator);
    assert!(!f.sessions[3].in_generator);
    // Without SQLAlchemy in the project or the file, names prove nothing.
    let f = facts_with("app/deps.py", src, &["fastapi"]);
    assert!(f.sessions.is_empty(), "{:?}", sessions(&f));
}

#[test]
fn a_project_module_named_after_a_library_is_not_a_session_factory() {
    // `from app.utils import requests`: the project's wrapper of requests; its `Session()` is
    // an HTTP session, whatever the file imports from SQLAlchemy.
    let src = "\
from sqlalchemy.orm import relationship
from app.utils import requests
from app.database import SessionLocal

def api():
    http = requests.Session()
    return http.get(URL)

def job():
    db = SessionLocal()
    db.execute(q)
";
    let f = facts_with("app/jobs.py", src, &["sqlalchemy", "requests"]);
    assert_eq!(sessions(&f), [("SessionLocal()", Closing::Never)]);
}

#[test]
fn direct_sessions_and_connections() {
    let src = "\
import asyncpg
import psycopg
import psycopg2
from contextlib import closing, ExitStack
from sqlalchemy.orm import Session
from app.db import engine

def a():
    conn = psycopg2.connect(DSN)
    cur = conn.cursor()
    cur.execute('select 1')
    return cur.fetchall()

def b():
    with psycopg2.connect(DSN) as conn:
        with conn.cursor() as cur:
            cur.execute('select 1')

def c():
    conn = psycopg2.connect(DSN)
    try:
        with conn.cursor() as cur:
            cur.execute('select 1')
    finally:
        conn.close()

def d():
    conn = psycopg2.connect(DSN)
    rows = conn.cursor().fetchall()
    conn.close()
    return rows

def e():
    with closing(psycopg2.connect(DSN)) as conn:
        pass

async def f():
    conn = await asyncpg.connect(DSN)
    return await conn.fetch('select 1')

async def g():
    conn = await asyncpg.connect(DSN)
    try:
        return await conn.fetch('select 1')
    finally:
        await conn.close()

def h():
    with psycopg.connect(DSN) as conn:
        conn.execute('select 1')

async def i():
    aconn = await psycopg.AsyncConnection.connect(DSN)
    await aconn.execute('select 1')

def j():
    with Session(engine) as session:
        session.add(x)
        with session.begin():
            pass
    s = Session(engine)
    s.begin()

def k(stack: ExitStack):
    conn = stack.enter_context(psycopg2.connect(DSN))
    s = stack.enter_context(Session(engine))

def l():
    with engine.connect().execution_options(isolation_level='AUTOCOMMIT') as conn:
        conn.execute(q)
    engine.connect().execution_options(x=1).execute(q)
";
    let f = facts_with(
        "app/views.py",
        src,
        &["psycopg2-binary", "psycopg", "asyncpg", "sqlalchemy"],
    );
    use Closing::*;
    assert_eq!(
        sessions(&f),
        [
            ("psycopg2.connect()", Never),
            ("psycopg2.connect()", Never),
            ("psycopg2.connect()", Always),
            ("psycopg2.connect()", NotOnErrorPaths),
            ("psycopg2.connect()", Always),
            ("asyncpg.connect()", Never),
            ("asyncpg.connect()", Always),
            ("psycopg.connect()", Always),
            ("psycopg.AsyncConnection.connect()", Never),
            ("Session()", Always),
            ("Session()", Never),
            ("psycopg2.connect()", Never),
            ("Session()", Always),
            ("engine.connect()", Always),
            ("engine.connect()", Never),
        ]
    );
    assert_eq!(f.sessions[0].kind, ClientKind::Connection);
    assert_eq!(f.sessions[9].client, "sqlalchemy-session");
}

#[test]
fn pool_checkouts() {
    let src = "\
import asyncpg
from psycopg2 import pool as pg_pool
from psycopg_pool import ConnectionPool
from fastapi import FastAPI, Request

db_pool = pg_pool.SimpleConnectionPool(1, 10, DSN)
pg3 = ConnectionPool(DSN)
app = FastAPI()

def a():
    conn = db_pool.getconn()
    try:
        return conn.cursor().fetchall()
    finally:
        db_pool.putconn(conn)

def b():
    conn = db_pool.getconn()
    rows = conn.cursor().fetchall()
    db_pool.putconn(conn)
    return rows

def c():
    conn = db_pool.getconn()
    with conn:
        conn.cursor().execute('update t set x = 1')

def d():
    with pg3.connection() as conn:
        conn.execute('select 1')
    conn = pg3.connection()

@app.get('/x')
async def e(request: Request):
    async with request.app.state.pool.acquire() as conn:
        return await conn.fetch('select 1')

@app.get('/y')
async def f(request: Request):
    pool = request.app.state.pool
    conn = await pool.acquire()
    try:
        return await conn.fetch('select 1')
    finally:
        await pool.release(conn)

@app.get('/z')
async def g(request: Request):
    conn = await request.app.state.pool.acquire()
    return await conn.fetch('select 1')

def h(lock):
    lock.acquire()
    sem = object()
    sem.acquire()
";
    let f = facts_with(
        "app/main.py",
        src,
        &["fastapi", "psycopg2-binary", "psycopg-pool", "asyncpg"],
    );
    use Closing::*;
    assert_eq!(
        sessions(&f),
        [
            ("db_pool.getconn()", Always),
            ("db_pool.getconn()", NotOnErrorPaths),
            ("db_pool.getconn()", Never),
            ("pg3.connection()", Always),
            ("pg3.connection()", Never),
            ("request.app.state.pool.acquire()", Always),
            ("pool.acquire()", Always),
            ("request.app.state.pool.acquire()", Never),
        ]
    );
    let ids: Vec<&str> = f.sessions.iter().map(|s| s.client.as_str()).collect();
    assert_eq!(
        ids,
        [
            "psycopg2-pool-checkout",
            "psycopg2-pool-checkout",
            "psycopg2-pool-checkout",
            "psycopg-pool-connection",
            "psycopg-pool-connection",
            "asyncpg-pool-checkout",
            "asyncpg-pool-checkout",
            "asyncpg-pool-checkout",
        ]
    );
    assert_eq!(f.sessions[0].release.as_deref(), Some("putconn"));
    assert_eq!(f.sessions[4].release, None);
    assert_eq!(f.sessions[7].scope.kind, ScopeKind::Handler);
    // An imported pool, known by its name.
    let f = facts_with(
        "app/repo.py",
        "from app.db import pool\n\ndef a():\n    conn = pool.getconn()\n    return conn\n",
        &["psycopg2-binary"],
    );
    assert_eq!(sessions(&f), [("pool.getconn()", HandedOver)]);
}

/// `(ctor line, closing, what a `try` would wrap)` of every session.
fn regions<'s>(f: &FileFacts, src: &'s str) -> Vec<(usize, Closing, Option<&'s str>)> {
    f.sessions
        .iter()
        .map(|s| {
            (
                src[..s.span.start as usize].lines().count(),
                s.closing,
                s.anchors.rest_of_block.map(|r| &src[r.range()]),
            )
        })
        .collect()
}

#[test]
fn what_a_try_finally_fix_may_wrap() {
    let src = "\
import aiohttp
import asyncpg
import psycopg2

def never(dsn):
    conn = psycopg2.connect(dsn)  # trailing
    cur = conn.cursor()
    return cur.fetchone()

async def happy_path(dsn):
    conn = await asyncpg.connect(dsn)
    total = await conn.fetchval('select 1')
    await conn.close()
    return total

async def unbound(url):
    resp = await aiohttp.ClientSession().get(url)
    print(resp.status)

async def unbound_with(url):
    async with aiohttp.ClientSession().get(url) as r:
        return r.status

async def not_first(url):
    print(len(url), await aiohttp.ClientSession().get(url))

async def awaited_ctor(dsn):
    return (await asyncpg.connect(dsn)).is_closed()

def nothing_after(dsn):
    conn = psycopg2.connect(dsn)

def same_line(dsn):
    conn = psycopg2.connect(dsn); conn.cursor().execute('x')

def multi_line_string(dsn):
    conn = psycopg2.connect(dsn)
    conn.cursor().execute(\"\"\"
        select 1
    \"\"\")

def f_string_on_one_line(dsn, t):
    conn = psycopg2.connect(dsn)
    conn.cursor().execute(f'select * from {t}')

async def returns_a_handle(url):
    session = aiohttp.ClientSession()
    resp = await session.get(url)
    return resp

async def returns_a_call_on_it(url):
    session = aiohttp.ClientSession()
    session.headers.update({'a': 'b'})
    return await session.get(url)

async def returns_data(url):
    session = aiohttp.ClientSession()
    resp = await session.get(url)
    data = await resp.json()
    return data

def streams(dsn):
    conn = psycopg2.connect(dsn)
    for row in conn.cursor():
        yield row

def dependency():
    db = psycopg2.connect(DSN)
    yield db

def used_after_the_block(dsn, a):
    if a:
        conn = psycopg2.connect(dsn)
        conn.autocommit = True
    else:
        conn = psycopg2.connect(dsn)
    return conn.cursor().fetchall()

def rebound(dsn):
    conn = psycopg2.connect(dsn)
    conn.cursor().execute('x')
    conn = None

def closure(dsn):
    conn = psycopg2.connect(dsn)
    return_later(lambda: conn.cursor())

def released_in_a_branch(dsn, a):
    conn = psycopg2.connect(dsn)
    if a:
        conn.close()
        return
    conn.cursor().execute('x')
    conn.close()

def multi_line_release(pool):
    conn = pool.getconn()
    conn.cursor().execute('x')
    pool.putconn(
        conn)

async def released_next(dsn):
    try:
        probe = await asyncpg.connect(dsn)
    except OSError:
        return
    await probe.close()

def released_next_after_if(dsn, a):
    if a:
        conn = psycopg2.connect(dsn)
    else:
        conn = psycopg2.connect(dsn)
    conn.close()

def not_next_after_try_else(dsn):
    try:
        conn = psycopg2.connect(dsn)
    except OSError:
        return
    else:
        log('connected')
    conn.close()
";
    let f = facts_with(
        "app/jobs.py",
        src,
        &["aiohttp", "asyncpg", "psycopg2-binary"],
    );
    use Closing::*;
    assert_eq!(
        regions(&f, src),
        [
            (
                6,
                Never,
                Some("# trailing\n    cur = conn.cursor()\n    return cur.fetchone()")
            ),
            (
                11,
                NotOnErrorPaths,
                Some("total = await conn.fetchval('select 1')\n    await conn.close()")
            ),
            (
                17,
                Never,
                Some("resp = await aiohttp.ClientSession().get(url)\n    print(resp.status)")
            ),
            (
                21,
                Never,
                Some("async with aiohttp.ClientSession().get(url) as r:\n        return r.status")
            ),
            (25, Never, None),
            (28, Never, None),
            (31, Never, None),
            (34, Never, None),
            // A multi-line string: the rule keeps its lines as they are.
            (
                37,
                Never,
                Some("conn.cursor().execute(\"\"\"\n        select 1\n    \"\"\")")
            ),
            (
                43,
                Never,
                Some("conn.cursor().execute(f'select * from {t}')")
            ),
            (47, Never, None),
            (52, Never, None),
            (
                57,
                Never,
                Some(
                    "resp = await session.get(url)\n    data = await resp.json()\n    return data"
                )
            ),
            (63, Never, None),
            (68, Never, Some("yield db")),
            (73, Never, None),
            (76, Never, None),
            (80, Never, None),
            (85, Never, None),
            (89, NotOnErrorPaths, None),
            (97, NotOnErrorPaths, None),
            (104, Always, None),
            (111, Always, None),
            (113, Always, None),
            (118, NotOnErrorPaths, None),
        ]
    );
}

#[test]
fn handed_over_sessions() {
    let src = "\
import psycopg2
import requests
from contextlib import ExitStack
from flask import g
from sqlalchemy.orm import Session, sessionmaker
from app.db import engine

SessionLocal = sessionmaker(bind=engine)
_CONN = None

class UserRepository:
    def __init__(self):
        self.session = SessionLocal()

    def close(self):
        self.session.close()

def get_db():
    if 'db' not in g:
        g.db = psycopg2.connect(DSN)
    return g.db

async def db_middleware(request, call_next):
    request.state.db = SessionLocal()
    return await call_next(request)

async def db_middleware_finally(request, call_next):
    try:
        request.state.db = SessionLocal()
        response = await call_next(request)
    finally:
        request.state.db.close()
    return response

def make_http():
    s = requests.Session()
    s.headers['x'] = 'y'
    return s

def repo():
    return UserRepository(SessionLocal())

def repo2():
    session = SessionLocal()
    return UserRepository(session=session)

def global_conn():
    global _CONN
    if _CONN is None:
        _CONN = psycopg2.connect(DSN)
    return _CONN

def callback(stack: ExitStack):
    conn = psycopg2.connect(DSN)
    stack.callback(conn.close)

def later_with():
    s = Session(engine)
    with s:
        pass

def pair():
    conn = psycopg2.connect(DSN)
    return conn, conn.cursor()

def stored(request):
    db = SessionLocal()
    request.state.db = db

def closed_in_closure(background_tasks):
    db = SessionLocal()
    background_tasks.add_task(lambda: db.close())
";
    let f = facts_with(
        "app/x.py",
        src,
        &["flask", "psycopg2", "requests", "sqlalchemy"],
    );
    use Closing::*;
    assert_eq!(
        sessions(&f),
        [
            ("SessionLocal()", HandedOver),
            ("psycopg2.connect()", HandedOver),
            ("SessionLocal()", HandedOver),
            ("SessionLocal()", Always),
            ("requests.Session()", HandedOver),
            ("SessionLocal()", HandedOver),
            ("SessionLocal()", HandedOver),
            ("psycopg2.connect()", HandedOver),
            ("psycopg2.connect()", HandedOver),
            ("Session()", HandedOver),
            ("psycopg2.connect()", HandedOver),
            ("SessionLocal()", HandedOver),
            ("SessionLocal()", HandedOver),
        ]
    );
}

#[test]
fn clients_that_must_be_closed() {
    let src = "\
import aiohttp
import httpx
import redis

SHARED = httpx.AsyncClient()

async def a():
    client = httpx.AsyncClient()
    r = await client.get(URL)
    return r.json()

async def b():
    async with httpx.AsyncClient() as c:
        return (await c.get(URL)).json()

async def c():
    session = aiohttp.ClientSession()
    try:
        async with session.get(URL) as r:
            return await r.json()
    finally:
        await session.close()

async def d():
    client = httpx.AsyncClient()
    data = (await client.get(URL)).json()
    await client.aclose()
    return data

def e():
    r = redis.Redis()
    return r.get('x')
";
    let f = facts_with("app/x.py", src, &["httpx", "aiohttp", "redis"]);
    use Closing::*;
    assert_eq!(
        sessions(&f),
        [
            ("httpx.AsyncClient()", Never),
            ("httpx.AsyncClient()", Always),
            ("aiohttp.ClientSession()", Always),
            ("httpx.AsyncClient()", NotOnErrorPaths),
        ]
    );
    assert_eq!(f.sessions[0].kind, ClientKind::Client);
    assert_eq!(f.sessions[0].release.as_deref(), Some("aclose"));
    assert_eq!(f.sessions[2].release.as_deref(), Some("close"));
}

#[test]
fn sessions_are_not_guessed_from_unrelated_names() {
    let src = "\
from app.engine import engine
from app.sessions import get_session, session_scope

def a(session):
    session.begin()
    engine.connect('topic', cb)
    s = get_session()
    with session_scope() as s2:
        pass
";
    // No SQLAlchemy anywhere: nothing.
    let f = facts_with("app/x.py", src, &["pyttsx3"]);
    assert!(f.sessions.is_empty(), "{:?}", sessions(&f));
    // With SQLAlchemy: the engine's checkout and the context manager named like a
    // session factory; `session.begin()` (a Session method) and `get_session()` are not.
    let f = facts_with("app/x.py", src, &["sqlalchemy"]);
    assert_eq!(
        sessions(&f),
        [
            ("engine.connect()", Closing::Never),
            ("session_scope()", Closing::Always)
        ]
    );
}

#[test]
fn factories_on_owners_and_lifespans() {
    let src = "\
import httpx
from contextlib import asynccontextmanager
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

class Database:
    def __init__(self, url: str) -> None:
        self.engine = create_async_engine(url)
        self.session_factory = async_sessionmaker(self.engine, expire_on_commit=False)

    async def session(self):
        async with self.session_factory() as s:
            yield s

    async def leak(self):
        s = self.session_factory()
        conn = await self.engine.connect()
        return await s.execute(q)

@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.http = httpx.AsyncClient()
    yield
    await app.state.http.aclose()

def last():
    s = self_factory = None
    conn = httpx.Client()
";
    let f = facts("app/db.py", src);
    use Closing::*;
    assert_eq!(
        sessions(&f),
        [
            ("self.session_factory()", Always),
            ("self.session_factory()", Never),
            ("self.engine.connect()", Never),
            // Stored on the app, closed after `yield` without `finally`: the facts say so;
            // the scope (Startup) lets the rule decide.
            ("httpx.AsyncClient()", NotOnErrorPaths),
            ("httpx.Client()", Never),
        ]
    );
    assert_eq!(f.sessions[3].scope.kind, ScopeKind::Startup);
    assert!(f.sessions[3].in_generator);
    // The last statement of its block: nothing after it to wrap.
    let last = &f.sessions[4];
    assert_eq!(last.anchors.rest_of_block, None);
    assert_eq!(last.anchors.indent, "    ");
    assert_eq!(
        &src[last.anchors.statement.expect("statement").range()],
        "conn = httpx.Client()"
    );
}

#[test]
fn with_statements_and_the_loops_around_them() {
    let src = "\
import httpx

async def fetch_all(urls):
    for url in urls:
        async with httpx.AsyncClient(timeout=5) as client:  # one per url
            await client.get(url)

async def keyed(items):
    async for item in items:
        # comments do not count as statements
        async with httpx.AsyncClient(base_url=item.base) as client:
            await client.get(\"/\")

def polling():
    while running():
        with httpx.Client() as client:
            client.get(URL)
            token = client.get(AUTH).text

def uses_a_body_name():
    token = None
    for _ in range(3):
        with httpx.Client(headers={\"t\": token}) as client:
            token = client.get(AUTH).text

def two_statements(urls):
    for url in urls:
        print(url)
        with httpx.Client() as client:
            client.get(url)

def with_else(urls):
    for url in urls:
        with httpx.Client() as client:
            client.get(url)
    else:
        pass

def loop_uses_the_target():
    for page in client.pages():
        with httpx.Client() as client:
            client.get(page)

def not_a_loop():
    with httpx.Client() as c, c.stream(\"GET\", URL) as r:
        r.read()

def inside_the_item():
    for url in urls:
        with wrap(httpx.Client()) as c:
            c.get(url)

def reuses_its_own_target(urls):
    client = None
    for url in urls:
        with httpx.Client(cookies=client.cookies if client else None) as client:
            client.get(url)
";
    let f = facts("app/fetch.py", src);
    let anchors: Vec<(&str, Option<&str>, Option<&str>)> = f
        .clients
        .iter()
        .map(|c| {
            let w = c.anchors.with_stmt.as_ref();
            (
                f.function(c.in_fn).map_or("", |x| x.name.as_str()),
                w.map(|w| &src[w.header.range()]),
                w.and_then(|w| w.loop_header).map(|l| &src[l.range()]),
            )
        })
        .collect();
    assert_eq!(
        anchors,
        [
            (
                "fetch_all",
                Some("async with httpx.AsyncClient(timeout=5) as client:"),
                Some("for url in urls:")
            ),
            (
                "keyed",
                Some("async with httpx.AsyncClient(base_url=item.base) as client:"),
                None
            ),
            (
                "polling",
                Some("with httpx.Client() as client:"),
                Some("while running():")
            ),
            (
                "uses_a_body_name",
                Some("with httpx.Client(headers={\"t\": token}) as client:"),
                None
            ),
            (
                "two_statements",
                Some("with httpx.Client() as client:"),
                None
            ),
            ("with_else", Some("with httpx.Client() as client:"), None),
            (
                "loop_uses_the_target",
                Some("with httpx.Client() as client:"),
                None
            ),
            (
                "not_a_loop",
                Some("with httpx.Client() as c, c.stream(\"GET\", URL) as r:"),
                None
            ),
            ("inside_the_item", None, None),
            (
                "reuses_its_own_target",
                Some("with httpx.Client(cookies=client.cookies if client else None) as client:"),
                None
            ),
        ]
    );
}

#[test]
fn a_session_returned_by_its_local_name_makes_a_factory_but_one_kept_on_an_object_does_not() {
    let src = "\
from sqlalchemy.orm import sessionmaker
SessionLocal = sessionmaker()

def direct():
    return SessionLocal()

def named():
    s = SessionLocal()
    return s

def cached(self):
    conn = SessionLocal()
    self._conn = conn
    return conn
";
    let f = facts("app/db.py", src);
    let returned: Vec<bool> = f.sessions.iter().map(|s| s.returned).collect();
    assert_eq!(returned, [true, true, false]);
}

#[test]
fn a_factorys_value_closed_by_a_plain_call_only_is_closed_off_error_paths() {
    let src = "\
from app import db

def plain():
    s = db.get_session()
    s.execute('SELECT 1')
    s.close()

def in_finally():
    s = db.get_session()
    try:
        s.execute('SELECT 1')
    finally:
        s.close()

def next_statement():
    s = db.get_session()
    s.close()

def in_with():
    s = db.get_session()
    with s:
        s.execute('SELECT 1')
";
    let f = facts("app/quota.py", src);
    let unguarded: Vec<(bool, bool)> = f
        .calls
        .iter()
        .filter(|c| c.name == "get_session")
        .map(|c| (c.released, c.release_unguarded))
        .collect();
    assert_eq!(
        unguarded,
        [(true, true), (true, false), (true, false), (true, false)]
    );
}

#[test]
fn a_connection_moved_into_a_private_class_is_handed_over() {
    let src = "\
from sqlalchemy import create_engine

ENGINE = create_engine('postgresql://localhost/app')

class _LockHandle:
    def __init__(self, connection):
        self.connection = connection

class lower_case_helper:
    def __init__(self, connection):
        self.connection = connection

def kept():
    connection = ENGINE.connect()
    return _LockHandle(connection)

def used():
    connection = ENGINE.connect()
    n = connection.execute('select 1')
    return n
";
    let f = facts("app/locks.py", src);
    let closing: Vec<Closing> = f.sessions.iter().map(|s| s.closing).collect();
    assert_eq!(closing, vec![Closing::HandedOver, Closing::Never]);
}

#[test]
fn another_protocols_session_getter_is_no_database_session() {
    let src = "\
from sqlalchemy import create_engine
from app.clients import http_session, browser_session, db_session

def notify():
    http_session().post(URL, json={})
    page = browser_session()
    s = db_session()
    s.execute(q)
";
    let f = facts_with("app/actions.py", src, &["sqlalchemy", "requests"]);
    assert_eq!(
        sessions(&f),
        [("db_session()", Closing::Never)],
        "only the database's session getter opens a session"
    );
}

#[test]
fn a_client_handed_to_the_base_initialiser_is_kept() {
    let src = "\
import boto3
import watchtower

class CloudWatchHandler(watchtower.CloudWatchLogHandler):
    def __init__(self):
        logs = boto3.client('logs')
        super().__init__(boto3_client=logs, log_group_name='hub')

class Uploader:
    def __init__(self):
        s3 = boto3.client('s3')
        print(s3)
";
    let f = facts("hub/handlers.py", src);
    let handed: Vec<bool> = f.clients.iter().map(|c| c.handed).collect();
    assert_eq!(handed, [true, false]);
}

#[test]
fn early_return_before_the_finally_that_releases() {
    // A `return` between the checkout and the `try` whose `finally` gives it back leaves it out;
    // one under a test of the connection itself (nothing was taken) or in a nested function
    // does not.
    let src = "\
import psycopg2

def leaks(pool, bounce):
    conn = pool.getconn()
    if bounce:
        return
    try:
        conn.cursor()
    finally:
        pool.putconn(conn)

def guarded(pool):
    conn = pool.getconn()
    if conn is None:
        return
    try:
        conn.cursor()
    finally:
        pool.putconn(conn)

def nested(pool):
    conn = pool.getconn()
    def label(n):
        return n
    try:
        conn.cursor()
    finally:
        pool.putconn(conn)
";
    let f = facts_with("app/door.py", src, &["psycopg2"]);
    let got: Vec<(Closing, bool)> = f
        .sessions
        .iter()
        .map(|s| (s.closing, s.early_return.is_some()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Closing::NotOnErrorPaths, true),
            (Closing::Always, false),
            (Closing::Always, false)
        ]
    );
    // The `return` itself is where the finding points its reader.
    let ret = f.sessions[0].early_return.expect("early return");
    assert_eq!(&src[ret.start as usize..ret.end as usize], "return");
}

#[test]
fn a_session_wrapped_in_an_object_kept_on_self_is_handed_over() {
    let src = "\
import requests

class Plugin:
    def on_start(self):
        session = requests.Session()
        self._jira = JiraClient(session, '')

    def on_other(self):
        session = requests.Session()
        summary = summarize(session, '')
";
    let f = facts("app/plugin.py", src);
    let closing: Vec<Closing> = f.sessions.iter().map(|s| s.closing).collect();
    // An object built on it and kept on `self` keeps it; a function's result does not.
    assert_eq!(closing, vec![Closing::HandedOver, Closing::Never]);
}

#[test]
fn a_session_maker_kept_in_a_models_module() {
    // A maker's suffix (`SessionLocal`) names a session maker even in `models`; a model class
    // of chat sessions (`ChatSession`) there does not.
    let src = "from models import SessionLocal, ChatSession\n\ndef join(user):\n    session = SessionLocal()\n    chat = ChatSession()\n";
    let f = facts_with("bot.py", src, &["sqlalchemy"]);
    let ctors: Vec<&str> = f.sessions.iter().map(|s| s.ctor.as_str()).collect();
    assert_eq!(ctors, vec!["SessionLocal()"], "{:#?}", f.sessions);
}
