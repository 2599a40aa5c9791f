use super::*;

#[test]
fn grammar_loads_and_parses() {
    let mut parser = new_parser().expect("tree-sitter-python loads with tree-sitter 0.27");
    assert!(parser.parse("x = 1\n", None).is_some());
    assert!(parses_cleanly("def f(x):\n    return x\n"));
    assert!(!parses_cleanly("def f(:\n    return x\n"));
    assert!(!parses_cleanly("d = {'a': 1 'b': 2}\n"));
}

#[test]
fn seed_engine_in_fastapi_router() {
    let src = "\
from fastapi import APIRouter
from sqlalchemy.ext.asyncio import create_async_engine
from app.config import settings

router = APIRouter(prefix='/users')

@router.get('/')
async def list_users():
    engine = create_async_engine(settings.DATABASE_URL, pool_size=20, max_overflow=30)
    return []
";
    let f = facts("app/routers/users.py", src);
    let c = client(&f, "create_async_engine()");
    assert_eq!(c.client, "sqlalchemy-engine");
    assert_eq!(c.kind, ClientKind::Pool);
    assert_eq!(c.scope.kind, ScopeKind::Handler);
    assert_eq!(c.scope.framework(), "fastapi");
    assert_eq!(c.scope.name.as_deref(), Some("list_users"));
    assert_eq!(c.guard, Guard::None);
    assert_eq!(c.binding.as_deref(), Some("engine"));
    assert!(!c.released);
    assert_eq!(c.returned, Returned::No);
    assert_eq!(
        f.function(c.in_fn).map(|x| x.name.as_str()),
        Some("list_users")
    );
    assert!(c.anchors.args_are_static);
    let cfg = &f.client_configs[0];
    assert_eq!(cfg.client, 0);
    assert_eq!(
        cfg.options
            .iter()
            .map(|o| (o.key.as_str(), o.value.as_int()))
            .collect::<Vec<_>>(),
        vec![("pool_size", Some(20)), ("max_overflow", Some(30))]
    );
    let Some(UrlRef::Env { name, span, .. }) = &cfg.url else {
        panic!("{:?}", cfg.url)
    };
    assert_eq!(name, "DATABASE_URL");
    assert_eq!(&src[span.range()], "settings.DATABASE_URL");
    assert_eq!(
        f.imports,
        vec![
            ModuleRef {
                candidates: vec!["app/config".into(), "src/app/config".into()].into()
            },
            ModuleRef {
                candidates: vec![
                    "app/config/settings".into(),
                    "src/app/config/settings".into()
                ]
                .into()
            },
        ]
    );
    let stmt = c.anchors.statement.expect("statement");
    assert!(src[stmt.range()].starts_with("engine = create_async_engine("));
    let insert = c.anchors.module_insert.expect("insert") as usize;
    assert!(src[..insert].ends_with("from app.config import settings\n"));
    assert!(f.syntax_errors.is_empty());
}

#[test]
fn identity_follows_imports() {
    let f = facts(
        "app/db.py",
        "\
import sqlalchemy as sa
import redis.asyncio as aioredis
import mysql.connector
from sqlalchemy.ext.asyncio import create_async_engine as cae
from psycopg2 import pool
from mylib import create_engine

a = sa.create_engine(URL)
b = cae(URL)
c = aioredis.from_url(URL)
d = create_engine(URL)
e = pool.ThreadedConnectionPool(1, 10, DSN)
g = mysql.connector.connect(host='db')
",
    );
    let ids: Vec<&str> = f.clients.iter().map(|c| c.client.as_str()).collect();
    assert_eq!(
        ids,
        [
            "sqlalchemy-engine",
            "sqlalchemy-engine",
            "redis-py",
            "psycopg2-pool",
            "mysql-connector-connection"
        ]
    );
    assert_eq!(f.clients[0].ctor, "sa.create_engine()");
    assert!(
        f.clients
            .iter()
            .all(|c| c.scope.kind == ScopeKind::Module && c.in_fn.is_none())
    );
}

#[test]
fn a_local_function_shadows_nothing_it_did_not_import() {
    let f = facts(
        "app/x.py",
        "def MongoClient(uri):\n    return uri\n\ndef view():\n    return MongoClient('x')\n",
    );
    assert!(f.clients.is_empty());
    assert_eq!(call(&f, "MongoClient").module, None);
}

#[test]
fn wildcard_and_local_imports() {
    let f = facts(
        "app/views.py",
        "from sqlalchemy import *\n\ndef report(request):\n    import redis\n    r = redis.Redis()\n    e = create_engine(URL)\n",
    );
    assert_eq!(client(&f, "redis.Redis()").scope.kind, ScopeKind::Handler);
    assert_eq!(client(&f, "create_engine()").scope.framework(), "django");
}

#[test]
fn requests_get_is_not_a_client_but_httpx_get_is_throwaway() {
    let f = facts(
        "app/main.py",
        "import httpx, requests\nfrom fastapi import FastAPI\napp = FastAPI()\n@app.get('/')\ndef h():\n    requests.get(U)\n    s = requests.Session()\n    return httpx.get(U).json()\n",
    );
    assert_eq!(f.clients.len(), 2);
    assert_eq!(client(&f, "requests.Session()").kind, ClientKind::Client);
    let t = client(&f, "httpx.get()");
    assert_eq!(t.kind, ClientKind::Throwaway);
    // What a call on it gives (`.json()`) is data, not the client.
    assert_eq!(t.returned, Returned::No);
    assert!(f.calls.is_empty(), "{:?}", f.calls);
}

#[test]
fn depends_is_a_call_from_the_handler() {
    let src = "\
from typing import Annotated
from fastapi import Depends, FastAPI
from sqlalchemy import create_engine
from app.deps import get_session

app = FastAPI()
SessionDep = Annotated[object, Depends(get_session)]

def get_engine():
    return create_engine(URL)

@app.get('/reports')
def reports(engine = Depends(get_engine), s: SessionDep = None, t: Annotated[int, Depends(get_session)] = 0):
    return 1
";
    let f = facts("app/main.py", src);
    let factory = client(&f, "create_engine()");
    assert_eq!(factory.scope.kind, ScopeKind::Function);
    assert_eq!(factory.returned, Returned::Direct);
    let c = call(&f, "get_engine");
    assert_eq!(c.module, None);
    assert_eq!(c.scope.kind, ScopeKind::Handler);
    assert_eq!(c.binding.as_deref(), Some("engine"));
    assert_eq!(&src[c.span.range()], "Depends(get_engine)");
    let sessions: Vec<&CallSite> = f.calls.iter().filter(|c| c.name == "get_session").collect();
    assert_eq!(sessions.len(), 2);
    assert!(sessions.iter().all(|c| {
        c.scope.kind == ScopeKind::Handler
            && c.module
                .as_ref()
                .is_some_and(|m| m.candidates[0] == "app/deps")
    }));
    assert!(
        sessions
            .iter()
            .any(|c| &src[c.span.range()] == "SessionDep")
    );
}

#[test]
fn factory_calls_across_modules() {
    let src = "\
from flask import Blueprint
from shop.db import get_client
from shop import db
from ..db import get_engine
from . import helpers
from fastapi import FastAPI
import os

bp = Blueprint('p', __name__)

@bp.route('/')
def index():
    a = get_client()
    b = db.get_client()
    c = get_engine()
    helpers.build()
    os.getenv('X')
    FastAPI()
    return a
";
    let f = facts_with("shop/views/products.py", src, &["flask"]);
    let a = &f.calls[0];
    assert_eq!(
        (a.callee.as_str(), a.name.as_str()),
        ("get_client", "get_client")
    );
    assert_eq!(
        a.module.as_ref().map(|m| m.candidates[0].as_str()),
        Some("shop/db")
    );
    assert_eq!(a.scope.framework(), "flask");
    assert_eq!(a.returned, Returned::Direct);
    let b = &f.calls[1];
    assert_eq!(b.callee, "db.get_client");
    assert_eq!(
        b.module.as_ref().map(|m| m.candidates[0].as_str()),
        Some("shop/db")
    );
    let c = call(&f, "get_engine");
    assert_eq!(
        c.module.as_ref().map(|m| m.candidates.to_vec()),
        Some(vec!["shop/db".to_string()])
    );
    let h = call(&f, "build");
    assert_eq!(
        h.module.as_ref().map(|m| m.candidates[0].as_str()),
        Some("shop/views/helpers")
    );
    assert_eq!(f.calls.len(), 4, "{:?}", f.calls);
}

#[test]
fn object_methods_are_not_factory_calls_but_class_calls_and_static_methods_are() {
    let f = facts(
        "app/main.py",
        "from app.repo import users, AuditLog\nfrom app.models import User\nfrom . import views\n\ndef h():\n    users.get(1)\n    users.db.find()\n    AuditLog.client()\n    User(name='x')\n    views.UserView.as_view()\n",
    );
    // `User(…)` runs `User.__init__` (which goes by the class's name); `AuditLog.client()`
    // and `views.UserView.as_view()` may be static or class methods of the classes' modules
    // (the call graph resolves them only to a method of that class); `users.db.find()` is a
    // method of an imported object.
    let callees: Vec<&str> = f.calls.iter().map(|c| c.callee.as_str()).collect();
    assert_eq!(
        callees,
        [
            "users.get",
            "AuditLog.client",
            "User",
            "views.UserView.as_view"
        ],
        "{:?}",
        f.calls
    );
    let module = |callee: &str| {
        f.calls
            .iter()
            .find(|c| c.callee == callee)
            .and_then(|c| c.module.as_ref())
            .map(|m| m.candidates[0].clone())
    };
    assert_eq!(module("AuditLog.client").as_deref(), Some("app/repo"));
    assert_eq!(
        module("views.UserView.as_view").as_deref(),
        Some("app/views")
    );
}

#[test]
fn memo_and_module_caches_guard() {
    let src = "\
import functools
from functools import lru_cache
from pymongo import MongoClient
from sqlalchemy import create_engine

_engine = None
_clients = {}
_engines: dict = {}

@lru_cache(maxsize=1)
def get_engine():
    return create_engine(URL)

@functools.cache
def get_mongo():
    return MongoClient(URI)

def lazy():
    global _engine
    if _engine is None:
        _engine = create_engine(URL)
    return _engine

def per_tenant(t):
    if t not in _clients:
        _clients[t] = MongoClient(t)
    return _clients[t]

def via_setdefault(url):
    return _engines.setdefault(url, create_engine(url))

def stored(url):
    engine = create_engine(url)
    _engines[url] = engine
    return engine

def shadowed(url):
    _clients = {}
    _clients[url] = MongoClient(url)

def no_global():
    _engine = create_engine(URL)
    return _engine
";
    let f = facts("app/db.py", src);
    let g: Vec<(Guard, Returned)> = f.clients.iter().map(|c| (c.guard, c.returned)).collect();
    assert_eq!(
        g,
        [
            (Guard::Memo, Returned::Direct),
            (Guard::Memo, Returned::Direct),
            (Guard::ModuleCache, Returned::Direct),
            (Guard::ModuleCache, Returned::Direct),
            (Guard::ModuleCache, Returned::Derived),
            (Guard::ModuleCache, Returned::Direct),
            (Guard::None, Returned::No),
            (Guard::None, Returned::Direct),
        ]
    );
    assert_eq!(func(&f, "get_engine").guard, Guard::Memo);
    assert_eq!(func(&f, "get_mongo").guard, Guard::Memo);
    assert_eq!(func(&f, "lazy").guard, Guard::None);
    assert!(
        f.clients
            .iter()
            .all(|c| c.scope.kind == ScopeKind::Function)
    );
}

#[test]
fn owners_are_self_and_parameters_but_not_in_handlers() {
    let src = "\
from django.views import View
from pymongo import MongoClient

class Repo:
    def __init__(self, uri):
        self._client = MongoClient(uri)

    @classmethod
    def shared(cls):
        cls._client = MongoClient(URI)
        return cls._client

async def on_startup(app):
    app['mongo'] = MongoClient(URI)

class Detail(View):
    def get(self, request, pk):
        self.client = MongoClient(URI)
        return None
";
    let f = facts_with("shop/views.py", src, &["django", "pymongo"]);
    let g: Vec<(Guard, ScopeKind)> = f.clients.iter().map(|c| (c.guard, c.scope.kind)).collect();
    assert_eq!(
        g,
        [
            (Guard::Owner, ScopeKind::Function),
            (Guard::Owner, ScopeKind::Function),
            (Guard::Owner, ScopeKind::Function),
            (Guard::None, ScopeKind::Handler),
        ]
    );
    assert_eq!(f.clients[1].returned, Returned::Direct);
    assert_eq!(f.clients[3].scope.framework(), "django");
    assert_eq!(f.clients[3].scope.name.as_deref(), Some("get"));
    assert!(!func(&f, "Repo").exported);
    assert!(func(&f, "on_startup").exported);
}

#[test]
fn startup_scopes() {
    let src = "\
from contextlib import asynccontextmanager
from fastapi import FastAPI
from sqlalchemy import create_engine
from celery.signals import worker_process_init

@asynccontextmanager
async def app_lifespan(app):
    app.state.engine = create_engine(URL)
    yield

app = FastAPI(lifespan=app_lifespan)

@app.on_event('startup')
def startup():
    e1 = create_engine(URL)

@worker_process_init.connect
def init_worker(**kw):
    e2 = create_engine(URL)

def create_app():
    e3 = create_engine(URL)

def run():
    e4 = create_engine(URL)

def helper():
    e5 = create_engine(URL)

if __name__ == '__main__':
    e6 = create_engine(URL)
    run()
";
    let f = facts("app/main.py", src);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    use ScopeKind::*;
    assert_eq!(
        kinds,
        [
            Startup, Startup, Startup, Startup, Startup, Function, Startup
        ]
    );
    assert!(
        f.clients
            .iter()
            .filter(|c| c.scope.kind == Startup)
            .all(|c| c.scope.framework() == "startup")
    );
    assert_eq!(f.clients[6].in_fn, None);
}

#[test]
fn route_decorators_pick_the_framework() {
    let flask = "from . import bp\nimport redis\n@bp.route('/a')\ndef a():\n    redis.Redis()\n@bp.get('/b')\ndef b():\n    redis.Redis()\n@bp.before_request\ndef c():\n    redis.Redis()\n";
    let f = facts_with("shop/api.py", flask, &["flask", "redis"]);
    assert!(
        f.clients
            .iter()
            .all(|c| c.scope.kind == ScopeKind::Handler && c.scope.framework() == "flask")
    );
    assert_eq!(f.clients.len(), 3);
    let fastapi = "from . import router\nimport redis\n@router.get('/b')\ndef b():\n    redis.Redis()\n@router.websocket('/ws')\nasync def ws(sock):\n    redis.Redis()\n";
    let f = facts_with("app/api.py", fastapi, &["fastapi", "redis"]);
    assert!(f.clients.iter().all(|c| c.scope.framework() == "fastapi"));
    let both = "from flask import Flask\nimport redis\napp = Flask(__name__)\n@app.get('/')\ndef i():\n    redis.Redis()\n";
    let f = facts_with("app.py", both, &["fastapi", "flask", "redis"]);
    assert_eq!(f.clients[0].scope.framework(), "flask");
}

#[test]
fn django_views_celery_and_lambda() {
    let views = "\
from pymongo import MongoClient
from rest_framework.decorators import api_view
from rest_framework.viewsets import ViewSet

def product_list(request):
    MongoClient(URI)

def helper(x):
    MongoClient(URI)

@api_view(['GET'])
def reviews(req):
    MongoClient(URI)

class Products(ViewSet):
    def list(self, request):
        MongoClient(URI)
";
    let f = facts_with(
        "shop/views/products.py",
        views,
        &["django", "djangorestframework", "pymongo"],
    );
    let s: Vec<(ScopeKind, &str)> = f
        .clients
        .iter()
        .map(|c| (c.scope.kind, c.scope.framework()))
        .collect();
    assert_eq!(
        s,
        [
            (ScopeKind::Handler, "django"),
            (ScopeKind::Function, ""),
            (ScopeKind::Handler, "django"),
            (ScopeKind::Handler, "django")
        ]
    );
    // `request` first is a view only in views modules.
    let f = facts_with(
        "shop/services.py",
        "from pymongo import MongoClient\ndef f(request):\n    MongoClient(U)\n",
        &["django"],
    );
    assert_eq!(f.clients[0].scope.kind, ScopeKind::Function);

    let tasks = "\
from celery import shared_task
from worker.celery_app import app
import boto3

@shared_task(bind=True)
def a(self):
    boto3.client('s3')

@app.task
def b():
    boto3.client('s3')

def handler(event, context):
    boto3.client('s3')

def lambda_handler(event: dict, context) -> dict:
    boto3.resource('dynamodb')
";
    let f = facts("worker/tasks.py", tasks);
    let s: Vec<&str> = f.clients.iter().map(|c| c.scope.framework()).collect();
    assert_eq!(s, ["celery", "celery", "lambda", "lambda"]);
    assert!(f.clients.iter().all(|c| c.scope.kind == ScopeKind::Handler));
}

#[test]
fn handler_refs_classify_same_file_functions() {
    let src = "\
from django.urls import path
from . import views
from .health import liveness
import redis

def stats(request):
    redis.Redis()

urlpatterns = [
    path('stats/', stats),
    path('users/', views.user_list, name='users'),
    path('live/', liveness),
    path('cbv/', views.Detail.as_view()),
]
";
    let f = facts_with("api/urls.py", src, &["django", "redis"]);
    assert_eq!(f.clients[0].scope.kind, ScopeKind::Handler);
    assert_eq!(f.clients[0].scope.framework(), "django");
    let refs: Vec<(&str, Option<&str>)> = f
        .handler_refs
        .iter()
        .map(|h| {
            (
                h.name.as_str(),
                h.module.as_ref().map(|m| m.candidates[0].as_str()),
            )
        })
        .collect();
    assert_eq!(
        refs,
        [
            ("stats", None),
            ("user_list", Some("api/views")),
            ("liveness", Some("api/health"))
        ]
    );

    let flask = "\
import httpx
from flask import Flask
app = Flask(__name__)
def contacts():
    httpx.Client()
app.add_url_rule('/c', view_func=contacts)
";
    let f = facts_with("app.py", flask, &["flask", "httpx"]);
    assert_eq!(f.clients[0].scope.framework(), "flask");
    assert_eq!(f.handler_refs[0].framework, "flask");

    let aio = "\
import aiohttp
from aiohttp import web
from starlette.routing import Route
async def a(request):
    aiohttp.ClientSession()
async def b(request):
    aiohttp.ClientSession()
async def c(request):
    aiohttp.ClientSession()
def make_app():
    app = web.Application()
    app.add_routes([web.get('/a', a)])
    app.router.add_post('/b', b)
    return [Route('/c', endpoint=c)]
";
    let f = facts_with("server.py", aio, &["aiohttp", "starlette"]);
    let s: Vec<&str> = f.clients.iter().map(|c| c.scope.framework()).collect();
    assert_eq!(s, ["aiohttp", "aiohttp", "starlette"]);
    assert_eq!(func(&f, "make_app").scope.kind, ScopeKind::Startup);
}

#[test]
fn background_tasks_run_per_request() {
    let src = "\
import httpx
from fastapi import BackgroundTasks, FastAPI
from app.mail import send_receipt

app = FastAPI()

def audit(event):
    httpx.Client().post(URL, json=event)

@app.post('/orders')
def create(background_tasks: BackgroundTasks):
    background_tasks.add_task(audit, {'kind': 'order'})
    background_tasks.add_task(send_receipt, 'a@b.c')
";
    let f = facts("app/main.py", src);
    assert_eq!(f.clients[0].scope.kind, ScopeKind::Handler);
    let refs: Vec<(&str, bool)> = f
        .handler_refs
        .iter()
        .map(|h| (h.name.as_str(), h.module.is_some()))
        .collect();
    assert_eq!(refs, [("audit", false), ("send_receipt", true)]);
}

#[test]
fn loops_and_closures() {
    let src = "\
from sqlalchemy import create_engine
from fastapi import FastAPI
app = FastAPI()

def per_tenant(tenants):
    for t in tenants:
        create_engine(t.url)
    while True:
        create_engine(URL)
    [create_engine(u) for u in urls]
    list(map(lambda u: create_engine(u), urls))
    for e in [create_engine(URL)]:
        pass
    f = lambda: create_engine(URL)

@app.get('/')
def route(urls):
    for u in urls:
        create_engine(u)
    def inner():
        return create_engine(URL)
    return inner()

for u in URLS:
    create_engine(u)
";
    let f = facts("app/x.py", src);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    use ScopeKind::*;
    assert_eq!(
        kinds,
        [
            Loop, Loop, Loop, Loop, Function, Function, Handler, Handler, Module
        ]
    );
    assert_eq!(f.clients[0].scope.name.as_deref(), Some("per_tenant"));
    // (A `for` over a parameter: a loop over items, not one that runs until stopped.)
    assert_eq!(f.clients[0].scope.framework(), crate::facts::ITEMS_LOOP);
    assert_eq!(f.clients[1].scope.framework, None);
    let inner = func(&f, "inner");
    assert_eq!(inner.scope.kind, Handler);
    assert_eq!(inner.parent, Some(1));
    assert_eq!(
        f.function(f.clients[7].in_fn).map(|x| x.name.as_str()),
        Some("inner")
    );
}

#[test]
fn released_and_returned() {
    let src = "\
import httpx
from pymongo import MongoClient
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from contextlib import ExitStack

def a():
    with httpx.Client() as c:
        return c.get(U)

async def b():
    async with httpx.AsyncClient() as c:
        yield c

def c():
    client = MongoClient(U)
    try:
        return client.db.find()
    finally:
        client.close()

def d():
    engine = create_engine(U)
    engine.close()

def e():
    engine = create_engine(U)
    engine.dispose()

def f():
    return sessionmaker(bind=create_engine(U))

def g():
    client = MongoClient(U)
    return {'client': client, 'n': 1}

def h():
    client = MongoClient(U)
    db = client.app
    return db

def i():
    with ExitStack() as stack:
        client = stack.enter_context(MongoClient(U))

def j():
    return MongoClient(U)

def k():
    client = MongoClient(U)
    def cleanup():
        client.close()
    return cleanup
";
    let f = facts("app/x.py", src);
    let got: Vec<(bool, Returned)> = f
        .clients
        .iter()
        .filter(|c| c.kind != ClientKind::Session)
        .map(|c| (c.released, c.returned))
        .collect();
    use Returned::*;
    assert_eq!(
        got,
        [
            // Query data (`c.get(U)`, `client.db.find()`) is not the client.
            (true, No),
            (true, Direct),
            (true, No),
            (false, No),
            (true, No),
            (false, Derived),
            (false, Direct),
            (false, Derived),
            (true, No),
            (false, Direct),
            (true, No),
        ]
    );
    assert_eq!(f.clients[0].binding.as_deref(), Some("c"));
}

#[test]
fn self_method_calls_and_cli_commands() {
    let src = "\
import boto3
import click

class Connector:
    def _client(self):
        return boto3.client('s3')

    def download(self, key):
        self._client().download_file('b', key, '/tmp/x')
        self.other.close()
        self.undefined()

@click.command()
def sync():
    boto3.client('s3')
";
    let f = facts("app/connector.py", src);
    assert_eq!(f.calls.len(), 1, "{:?}", f.calls);
    let c = call(&f, "_client");
    assert_eq!(
        (c.callee.as_str(), c.module.is_none()),
        ("self._client", true)
    );
    assert_eq!(
        f.function(c.in_fn).map(|x| x.name.as_str()),
        Some("download")
    );
    assert_eq!(client(&f, "boto3.client()").returned, Returned::Direct);
    assert_eq!(f.clients[1].scope.kind, ScopeKind::Startup);
}

#[test]
fn values_derived_from_a_client() {
    let src = "\
import redis
from pymongo import MongoClient

_DBS = {}

class RedisClient:
    _pool = None

    def _init_pool(self):
        if RedisClient._pool is None:
            RedisClient._pool = redis.from_url(URL).connection_pool

def a():
    db = MongoClient(U).get_database('x')
    return db

def b():
    with MongoClient(U).start_session() as s:
        pass

def c(k):
    _DBS[k] = MongoClient(k)['app']
    return _DBS[k]

def d():
    db = MongoClient(U).app
    db.close()
";
    let f = facts("app/x.py", src);
    let got: Vec<(Guard, bool, Returned, Option<&str>)> = f
        .clients
        .iter()
        .map(|c| (c.guard, c.released, c.returned, c.binding.as_deref()))
        .collect();
    use Returned::*;
    assert_eq!(
        got,
        [
            (Guard::ModuleCache, false, No, None),
            (Guard::None, false, Derived, None),
            (Guard::None, false, No, None),
            (Guard::ModuleCache, false, Derived, None),
            (Guard::None, false, No, None),
        ]
    );
}

#[test]
fn psycopg2_with_commits_but_does_not_close() {
    let src = "\
import psycopg2
from contextlib import closing, ExitStack

def a():
    with psycopg2.connect(DSN) as conn:
        pass

def b():
    with closing(psycopg2.connect(DSN)) as conn:
        pass

def c():
    conn = psycopg2.connect(DSN)
    with conn:
        pass

def d(stack: ExitStack):
    conn = stack.enter_context(psycopg2.connect(DSN))

def e():
    conn = psycopg2.connect(DSN)
    with closing(conn):
        pass
";
    let f = facts_with("app/x.py", src, &["psycopg2-binary"]);
    let got: Vec<bool> = f.clients.iter().map(|c| c.released).collect();
    assert_eq!(got, [false, true, false, false, true]);
}

#[test]
fn factory_calls_get_generic_release_and_bindings() {
    let src = "\
from app.db import get_client

def a():
    with get_client() as c:
        pass

def b():
    client = get_client()
    client.close()

def c():
    return get_client()
";
    let f = facts("app/x.py", src);
    let got: Vec<(Option<&str>, bool, Returned)> = f
        .calls
        .iter()
        .map(|c| (c.binding.as_deref(), c.released, c.returned))
        .collect();
    assert_eq!(
        got,
        [
            (Some("c"), true, Returned::No),
            (Some("client"), true, Returned::No),
            (None, false, Returned::Direct)
        ]
    );
}

#[test]
fn args_are_static_only_without_locals() {
    let src = "\
import os
from sqlalchemy import create_engine
URL = os.environ['URL']

def a():
    return create_engine(URL, pool_size=5)

def b(url):
    return create_engine(url)

def c():
    url = os.environ['X']
    return create_engine(url)

def d():
    return create_engine(os.environ['X'], connect_args={'sslmode': 'require'})
";
    let f = facts("app/x.py", src);
    let got: Vec<bool> = f
        .clients
        .iter()
        .map(|c| c.anchors.args_are_static)
        .collect();
    assert_eq!(got, [true, false, false, true]);
}

#[test]
fn test_files_and_test_functions() {
    let src = "from sqlalchemy import create_engine\ndef make():\n    return create_engine(U)\n";
    for rel in [
        "tests/helpers.py",
        "app/test_db.py",
        "conftest.py",
        "app/db_test.py",
    ] {
        let f = facts(rel, src);
        assert_eq!(f.clients[0].scope.kind, ScopeKind::Test, "{rel}");
        assert_eq!(f.clients[0].scope.framework(), "test");
    }
    let f = facts(
        "app/db.py",
        "import pytest\nfrom sqlalchemy import create_engine\n@pytest.fixture\ndef engine():\n    yield create_engine(U)\ndef test_x():\n    create_engine(U)\n",
    );
    assert!(f.clients.iter().all(|c| c.scope.kind == ScopeKind::Test));
    for rel in [
        "scripts/seed.py",
        "alembic/env.py",
        "manage.py",
        "app/management/commands/sync.py",
    ] {
        let f = facts(rel, src);
        assert_eq!(f.clients[0].scope.kind, ScopeKind::Startup, "{rel}");
    }
}

#[test]
fn syntax_errors_keep_the_facts_around_them() {
    let src = "\
from fastapi import APIRouter
from sqlalchemy.ext.asyncio import create_async_engine
router = APIRouter()
LABELS = {'a': 1 'b': 2}

@router.get('/x')
async def x():
    engine = create_async_engine(URL)

def broken(:
    pass

@router.get('/y')
async def y():
    engine = create_async_engine(URL)
";
    let f = facts("app/routers/x.py", src);
    assert!(!f.syntax_errors.is_empty());
    assert_eq!(f.clients.len(), 2);
    assert!(
        f.clients
            .iter()
            .all(|c| c.scope.kind == ScopeKind::Handler && c.scope.framework() == "fastapi")
    );
    assert!(!parses_cleanly(src));
}

#[test]
fn nothing_to_see() {
    let f = facts("app/empty.py", "");
    assert_eq!(f, FileFacts::default());
    let f = facts(
        "app/plain.py",
        "def f(x):\n    return g(x)\n\ndef g(y):\n    return y\n",
    );
    assert_eq!(f.functions.len(), 2);
    assert!(
        f.functions
            .iter()
            .all(|x| x.exported && x.scope.kind == ScopeKind::Function)
    );
    assert_eq!(call(&f, "g").in_fn, Some(0));
    assert_eq!(call(&f, "g").returned, Returned::Direct);
}

#[test]
fn tests_and_fixtures_keep_their_scope() {
    let src = "\
import pytest
from sqlalchemy.orm import Session
from app.database import SessionLocal, engine

@pytest.fixture
def db():
    session = SessionLocal()
    yield session
    session.close()

def test_connect():
    conn = engine.connect()
    assert conn
";
    let f = facts_with("tests/conftest.py", src, &["sqlalchemy", "pytest"]);
    assert_eq!(f.sessions.len(), 2);
    assert!(f.sessions.iter().all(|s| s.scope.kind == ScopeKind::Test));
    assert!(f.sessions[0].in_generator);
}

// -----------------------------------------------------------------------------------------
// Options, URLs, imports (issue 4)
// -----------------------------------------------------------------------------------------

// -----------------------------------------------------------------------------------------
// Anchors for per-request fixes
// -----------------------------------------------------------------------------------------

#[test]
fn functions_know_params_methods_and_def_lines() {
    let src = "\
import functools

def get_engine():
    return create_engine(URL)

@app.get(\"/\")
@other
async def handler(request, *args, limit: int = 10, **kw):
    pass

class Repo:
    def __init__(self, url):
        self.url = url

    @classmethod
    def build(cls):
        def inner(x, /, *, y):
            pass
        return cls()

    @staticmethod
    def helper(a, b):
        pass
";
    let f = facts("app/db.py", src);
    let at = |name: &str| {
        let x = func(&f, name);
        (
            x.params,
            x.method,
            &src[x.def_line.expect("def line") as usize..][..12],
        )
    };
    assert_eq!(at("get_engine"), (0, false, "def get_engi"));
    // After the decorators, from the start of the line (`async` included).
    assert_eq!(at("handler"), (4, false, "async def ha"));
    // `__init__` goes by its class's name: `Repo(url)` is the call that runs it.
    assert_eq!(at("Repo"), (1, true, "    def __in"));
    assert_eq!(func(&f, "Repo").scope.name.as_deref(), Some("__init__"));
    assert_eq!(at("build"), (0, true, "    def buil"));
    assert_eq!(at("inner"), (2, false, "        def "));
    assert_eq!(at("helper"), (2, true, "    def help"));
}

#[test]
fn direct_returns() {
    let src = "\
import httpx
import asyncpg
from sqlalchemy import create_engine

def a():
    return create_engine(URL)

async def b():
    return await asyncpg.create_pool(DSN)

def c():
    return (httpx.Client(timeout=5))

def d():
    engine = create_engine(URL)
    return engine

def e():
    return create_engine(URL).connect()

def f():
    return [httpx.Client()]
";
    let f = facts("app/db.py", src);
    let direct: Vec<(&str, bool)> = f
        .clients
        .iter()
        .map(|c| {
            (
                f.function(c.in_fn).map_or("", |x| x.name.as_str()),
                c.anchors.direct_return,
            )
        })
        .collect();
    assert_eq!(
        direct,
        [
            ("a", true),
            ("b", true),
            ("c", true),
            ("d", false),
            ("e", false),
            ("f", false),
        ]
    );
}

#[test]
fn a_handle_into_the_client_is_returned_and_query_data_is_not() {
    let src = "\
from pymongo import MongoClient

def by_subscript():
    return MongoClient(U)[DB]

def by_path():
    client = MongoClient(U)
    return client.app.users

def by_handle_method():
    client = MongoClient(U)
    db = client.get_database(DB)
    return db

def data_inline():
    return MongoClient(U).app.users.find_one({})

def data_local():
    client = MongoClient(U)
    doc = client.app.users.find_one({})
    return doc
";
    let f = facts("app/x.py", src);
    let got: Vec<Returned> = f.clients.iter().map(|c| c.returned).collect();
    use Returned::*;
    assert_eq!(got, [Derived, Derived, Derived, No, No]);
}
