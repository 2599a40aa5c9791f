//! Registrations read by their shape (`[registration.inferred]`).

use super::*;
use crate::facts::INFERRED;

#[test]
fn decorator_with_a_key_or_an_event_name_is_inferred() {
    let src = "\
import psycopg2
from .bus import bus

@bus.route_event('orders.created')
def on_order(p):
    a = psycopg2.connect('dbname=x')

@bus.on_refund()
def refund(p):
    b = psycopg2.connect('dbname=x')
";
    let f = facts("app/events.py", src);
    for c in &f.clients {
        assert_eq!(c.scope.kind, ScopeKind::Handler);
        assert_eq!(c.scope.framework(), INFERRED);
    }
    assert_eq!(f.clients.len(), 2);
}

#[test]
fn key_then_project_function_is_an_inferred_handler_reference() {
    let src = "\
import psycopg2

def on_temp(address, value):
    conn = psycopg2.connect('dbname=x')

dispatcher.map('/sensors/temp', on_temp)
";
    let f = facts("app/osc.py", src);
    assert!(
        f.handler_refs
            .iter()
            .any(|r| r.name == "on_temp" && r.framework == INFERRED),
        "{:#?}",
        f.handler_refs
    );
}

#[test]
fn library_lifecycle_tests_validators_and_cli_are_not_registrations() {
    let src = "\
import argparse
import bentoml
import psycopg2
import pytest
from pydantic import field_validator

@bentoml.on_deployment
def prepare():
    a = psycopg2.connect('dbname=x')

@pytest.mark.parametrize('x', [1])
def test_x(x):
    b = psycopg2.connect('dbname=x')

@bus.route_event('backfill')
def backfill(args):
    c = psycopg2.connect('dbname=x')
";
    let f = facts("app/mixed.py", src);
    assert!(
        f.clients.iter().all(|c| c.scope.framework() != INFERRED),
        "{:#?}",
        f.clients
            .iter()
            .map(|c| c.scope.clone())
            .collect::<Vec<_>>()
    );
}

#[test]
fn known_registrations_keep_their_framework() {
    let src = "\
import requests
from flask import Flask
app = Flask(__name__)

def contacts():
    s = requests.Session()

app.add_url_rule('/contacts', view_func=contacts)
";
    let f = facts("app/views.py", src);
    assert!(f.handler_refs.iter().all(|r| r.framework != INFERRED));
}

#[test]
fn uncalled_methods_of_a_dependency_class_are_inferred_callbacks() {
    let src = "\
import aiohttp
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from pydantic import BaseModel
from .base import LocalBase

class Tariffs(DataUpdateCoordinator[dict]):
    async def _async_update_data(self):
        a = aiohttp.ClientSession()
        return await self._parse(a)

    async def _parse(self, s):
        b = aiohttp.ClientSession()

    async def async_added_to_hass(self):
        c = aiohttp.ClientSession()

class Settings(BaseModel):
    def client(self):
        d = aiohttp.ClientSession()

class Local(LocalBase):
    def refresh(self):
        e = aiohttp.ClientSession()
";
    let f = facts_with(
        "custom_components/x/coordinator.py",
        src,
        &["aiohttp", "homeassistant", "pydantic"],
    );
    let scope = |name: &str| {
        let at = src.find(&format!("{name} = ")).expect("in src");
        f.clients
            .iter()
            .find(|c| c.span.start as usize >= at && (c.span.start as usize) < at + 8)
            .map(|c| (c.scope.kind, c.scope.framework().to_string()))
            .expect("client")
    };
    // Nothing in the file calls it: the coordinator calls it back.
    assert_eq!(scope("a"), (ScopeKind::Handler, INFERRED.to_string()));
    // Called by the file (`self._parse`), once-only, a schema's method, a project base class.
    for name in ["b", "c", "d", "e"] {
        assert_eq!(scope(name).0, ScopeKind::Function, "{name}");
    }
}

#[test]
fn one_namespace_before_the_key_still_reads_as_a_registration() {
    let src = "\
import asyncpg

async def async_setup_entry(hass, entry):
    async def handle_refresh(call):
        conn = await asyncpg.connect('postgres://x')
        await conn.close()

    hass.services.async_register(DOMAIN, 'refresh', handle_refresh)
    hass.services.async_register(DOMAIN, SCHEMA, 'not after a second non-key')
";
    let f = facts_with("custom_components/x/__init__.py", src, &["asyncpg"]);
    assert!(
        f.handler_refs
            .iter()
            .any(|r| r.name == "handle_refresh" && r.framework == INFERRED),
        "{:?}",
        f.handler_refs
    );
}

#[test]
fn a_signal_connect_registers_its_receiver_unless_the_signal_fires_once() {
    let src = "\
import requests
from celery.signals import worker_process_init
from django.db.models.signals import post_save
from django.dispatch import receiver
from PySide6.QtWidgets import QPushButton

def notify(sender, instance, **kw):
    requests.Session()

def init_worker(**kw):
    requests.Session()

@receiver(post_save)
def audit(sender, instance, **kw):
    requests.Session()

class Panel:
    def __init__(self):
        self.button = QPushButton('Go')
        self.button.clicked.connect(self.on_click)

    def on_click(self):
        requests.Session()

post_save.connect(notify)
worker_process_init.connect(init_worker)
";
    let f = facts_with(
        "app/signals.py",
        src,
        &["requests", "celery", "django", "PySide6"],
    );
    let refs: Vec<&str> = f.handler_refs.iter().map(|r| r.name.as_str()).collect();
    assert!(refs.contains(&"notify"), "{refs:?}");
    assert!(refs.contains(&"on_click"), "{refs:?}");
    assert!(!refs.contains(&"init_worker"), "{refs:?}");
    assert_eq!(func(&f, "audit").scope.kind, ScopeKind::Handler);
}

#[test]
fn a_dispatch_table_calls_each_function_it_holds() {
    let src = "\
from app.handlers import on_created, on_deleted

HANDLERS = {'created': on_created, 'deleted': on_deleted}

def route(msg):
    HANDLERS[msg['type']](msg)

def route_by_get(msg):
    handler = HANDLERS.get(msg['type'])
    handler(msg)
";
    let f = facts("app/router.py", src);
    let calls: Vec<(&str, Option<usize>)> =
        f.calls.iter().map(|c| (c.name.as_str(), c.in_fn)).collect();
    let route = f.functions.iter().position(|x| x.name == "route");
    let by_get = f.functions.iter().position(|x| x.name == "route_by_get");
    for target in ["on_created", "on_deleted"] {
        assert!(calls.contains(&(target, route)), "{calls:?}");
        assert!(calls.contains(&(target, by_get)), "{calls:?}");
    }
}

#[test]
fn a_table_of_another_module_is_called_by_its_name_there() {
    // The table's module records it, with where each member is defined.
    let f = facts(
        "app/handlers/__init__.py",
        "\
from app.handlers.orders import on_created
from .refunds import on_refund

def on_deleted(msg):
    pass

HANDLERS = {'created': on_created, 'refund': on_refund, 'deleted': on_deleted}
SETTINGS = {'retries': 3}
",
    );
    assert_eq!(f.tables.len(), 1, "{:#?}", f.tables);
    let t = &f.tables[0];
    assert_eq!(t.name, "HANDLERS");
    let members: Vec<(&str, bool)> = t
        .members
        .iter()
        .map(|(n, m)| (n.as_str(), m.is_some()))
        .collect();
    assert_eq!(
        members,
        [
            ("on_created", true),
            ("on_refund", true),
            ("on_deleted", false)
        ]
    );
    // A module calling through it, by subscript and through `.get`.
    let f = facts(
        "app/worker.py",
        "\
from app.handlers import HANDLERS

def route(msg):
    handler = HANDLERS.get(msg['type'])
    if handler:
        handler(msg)

def route_direct(msg):
    HANDLERS[msg['type']](msg)
",
    );
    let through: Vec<Option<usize>> = f
        .calls
        .iter()
        .filter(|c| c.name == "HANDLERS" && c.module.is_some())
        .map(|c| c.in_fn)
        .collect();
    let route = f.functions.iter().position(|x| x.name == "route");
    let direct = f.functions.iter().position(|x| x.name == "route_direct");
    assert_eq!(through, [route, direct]);
    assert!(f.tables.is_empty());
}

#[test]
fn a_construction_falling_back_on_a_parameter_is_the_callers() {
    let src = "\
from sqlalchemy import create_engine

def table_exists(name, engine=None):
    client = engine or make_engine()
    direct = create_engine('postgresql://db/x') if engine is None else engine
    return client, direct

def always(name, engine=None):
    other = None
    return other or make_engine()

def make_engine():
    return create_engine('postgresql://db/x')

def caller(rows, engine):
    table_exists(rows[0], engine)
    table_exists(rows[0], engine=engine)
    table_exists(rows[0])
    table_exists(*rows)
";
    let f = facts_with("app/db.py", src, &["sqlalchemy"]);
    type Fallback<'a> = (Option<&'a str>, Option<(String, u32)>);
    let fallback: Vec<Fallback> = f
        .calls
        .iter()
        .filter(|c| c.name == "make_engine")
        .map(|c| {
            (
                f.function(c.in_fn).map(|x| x.name.as_str()),
                c.fallback_param.clone(),
            )
        })
        .collect();
    assert_eq!(
        fallback,
        [
            (Some("table_exists"), Some(("engine".to_string(), 1))),
            (Some("always"), None)
        ]
    );
    let direct = f
        .clients
        .iter()
        .find(|c| {
            f.function(c.in_fn)
                .is_some_and(|x| x.name == "table_exists")
        })
        .unwrap_or_else(|| panic!("{:#?}", f.clients));
    assert_eq!(direct.fallback_param, Some(("engine".to_string(), 1)));
    // What each call gives: by position, by keyword, neither, and an unpacking.
    let given: Vec<Option<(u32, Vec<String>)>> = f
        .calls
        .iter()
        .filter(|c| c.name == "table_exists")
        .map(|c| c.given.clone())
        .collect();
    assert_eq!(
        given,
        [
            Some((2, vec![])),
            Some((1, vec!["engine".to_string()])),
            Some((1, vec![])),
            None
        ]
    );
}

#[test]
fn register_given_a_key_registers_given_a_type_it_does_not() {
    let src = "\
import functools
import psycopg2
from gidgethub import routing

router = routing.Router()

@router.register('issues', action='opened')
async def label(event, gh):
    a = psycopg2.connect('dbname=x')

@functools.singledispatch
def render(value):
    return str(value)

@render.register(int)
def _(value):
    b = psycopg2.connect('dbname=x')
";
    let f = facts_with("app/routes.py", src, &["gidgethub", "psycopg2"]);
    let scopes: Vec<(ScopeKind, String)> = f
        .clients
        .iter()
        .map(|c| (c.scope.kind, c.scope.framework().to_string()))
        .collect();
    assert_eq!(scopes[0], (ScopeKind::Handler, INFERRED.to_string()));
    assert_ne!(scopes[1].1, INFERRED, "{scopes:?}");
}

#[test]
fn an_override_calling_super_is_still_the_dependencys_callback() {
    let src = "\
import httpx
from pipecat.processors.frame_processor import FrameProcessor

class Tracker(FrameProcessor):
    async def process_frame(self, frame, direction):
        await super().process_frame(frame, direction)
        http = httpx.AsyncClient()
";
    let f = facts_with("bot/frames.py", src, &["pipecat-ai", "httpx"]);
    let c = client(&f, "httpx.AsyncClient()");
    assert_eq!(
        (c.scope.kind, c.scope.framework()),
        (ScopeKind::Handler, INFERRED)
    );
}

#[test]
fn a_client_a_callback_keeps_after_testing_for_it_is_the_instances() {
    let src = "\
import redis
from redis_cache import RedisCache

class Pooled(RedisCache):
    def get_client(self, key, write=False):
        if self._client:
            return self._client
        self._client = redis.Redis()
        return self._client

    def get_other(self, key):
        if self._other is None:
            self._other = redis.StrictRedis()
        return self._other

    def get_fresh(self, key):
        self._fresh = redis.Redis.from_url('redis://x')
        return self._fresh
";
    let f = facts_with("app/cache.py", src, &["django-redis-cache", "redis"]);
    assert_eq!(client(&f, "redis.Redis()").guard, Guard::Owner);
    assert_eq!(client(&f, "redis.StrictRedis()").guard, Guard::Owner);
    assert_eq!(client(&f, "redis.Redis.from_url()").guard, Guard::None);
}

#[test]
fn host_hooks_are_named_for_their_event_and_called_by_nobody_here() {
    let src = "\
import redis

def onCommand(Unit, Command, Level, Hue):
    a = redis.Redis(host='x')

def onStart():
    b = redis.Redis(host='x')

def on_reload():
    c = redis.Redis(host='x')

on_reload()
";
    let f = facts("plugin.py", src);
    let kinds: Vec<(ScopeKind, &str)> = f
        .clients
        .iter()
        .map(|c| (c.scope.kind, c.scope.framework()))
        .collect();
    // Per event; once-only (`onStart` reads as `on_start`); called by the file itself.
    assert_eq!(kinds[0], (ScopeKind::Handler, INFERRED));
    assert_eq!(kinds[1].0, ScopeKind::Function);
    assert_eq!(kinds[2].0, ScopeKind::Function);
}

#[test]
fn http_verbs_on_a_session_are_no_hand_written_pool() {
    let src = "\
import redis
import queue

class Plugin:
    def beat(self):
        self.http.get(self.base_url + '/live', timeout=5)
        self.http.put(url, json={'on': True})
        r = redis.Redis(host='x')

class Pool:
    def take(self):
        c = self.free.get_nowait()
        self.free.put_nowait(c)
        r = redis.Redis(host='x')
";
    let f = facts("plugin.py", src);
    assert_eq!(f.clients[0].guard, crate::facts::Guard::None);
    assert_eq!(f.clients[1].guard, crate::facts::Guard::Owner);
}

#[test]
fn registration_methods_by_pattern() {
    // `subscribe_*` (the catalogue's pattern): alpaca-py's `subscribe_bars(on_bar, "AAPL")` hands
    // `on_bar` to the stream, which calls it per bar; a method the pattern does not cover does not.
    let src = "\
from alpaca.data.live import StockDataStream
from . import handlers

stream = StockDataStream('k', 's')
stream.subscribe_bars(handlers.on_bar, 'AAPL')
stream.unsubscribe_all(handlers.on_quote)
";
    let f = facts("app/main.py", src);
    let names: Vec<&str> = f
        .handler_refs
        .iter()
        .filter(|r| r.framework == "event")
        .map(|r| r.name.as_str())
        .collect();
    assert!(
        names.iter().any(|n| n.ends_with("on_bar")),
        "{:#?}",
        f.handler_refs
    );
    assert!(
        !names.iter().any(|n| n.ends_with("on_quote")),
        "{:#?}",
        f.handler_refs
    );
}

#[test]
fn once_method_qualified_by_base_class() {
    // Freqtrade calls `IStrategy.bot_start` once; `bot_loop_start` on every iteration.
    let src = "\
import redis
from freqtrade.strategy import IStrategy

class Gate(IStrategy):
    def bot_start(self, **kwargs):
        self.cache = redis.Redis.from_url('redis://x')

    def bot_loop_start(self, current_time, **kwargs):
        r = redis.Redis.from_url('redis://x')
";
    let f = facts("user_data/strategies/gate.py", src);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    assert_eq!(kinds.len(), 2, "{:#?}", f.clients);
    assert_ne!(kinds[0], ScopeKind::Handler, "{:#?}", f.clients[0].scope);
    assert_eq!(kinds[1], ScopeKind::Handler, "{:#?}", f.clients[1].scope);
}

#[test]
fn setters_run_once_and_per_connection_bases_through_their_module() {
    // A plugin host's `set_site` (a `set_*` setter) runs once, when it loads the plugin.
    let src = "\
import requests
from nikola.plugin_categories import ShortcodePlugin

class Plugin(ShortcodePlugin):
    def set_site(self, site):
        self._http = requests.Session()

    def handler(self, repo):
        s = requests.Session()
";
    let f = facts("plugins/badge.py", src);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    assert_eq!(
        kinds,
        [ScopeKind::Function, ScopeKind::Handler],
        "{:#?}",
        f.clients
    );
    // pymilter builds one `Milter.Base` per SMTP connection: its `__init__` runs per connection,
    // its base named through the module's import.
    let src = "\
import Milter
import redis

class Archive(Milter.Base):
    def __init__(self):
        self.r = redis.Redis()
";
    let f = facts("archive_milter.py", src);
    assert_eq!(f.clients.len(), 1);
    assert_eq!(f.clients[0].scope.kind, ScopeKind::Handler);
    assert_eq!(f.clients[0].scope.framework(), "per-call");
}

#[test]
fn a_callback_then_a_dotted_name_registers_for_callback_first_methods() {
    let src = "\
from autobahn.asyncio.wamp import ApplicationSession
import atexit

class Inventory(ApplicationSession):
    async def onJoin(self, details):
        await self.register(self.reserve, 'com.shop.inventory.reserve')
        await self.subscribe(self.cancelled, 'com.shop.orders.cancelled')
        await self.register(self.label, 'plain words')

    async def reserve(self, sku):
        pass

    async def cancelled(self, order_id):
        pass

    async def label(self):
        pass

def flush():
    pass

atexit.register(flush, 'state.json')
";
    let f = facts_with("inventory/session.py", src, &["autobahn"]);
    let names: Vec<&str> = f
        .handler_refs
        .iter()
        .filter(|r| r.framework == INFERRED)
        .map(|r| r.name.as_str())
        .collect();
    assert!(names.contains(&"reserve"), "{names:?}");
    // (`subscribe` is a known registration method, whatever the order.)
    assert!(
        f.handler_refs.iter().any(|r| r.name == "cancelled"),
        "{:#?}",
        f.handler_refs
    );
    // Not a name with spaces, nor a file name: no registration.
    assert!(
        !names.contains(&"label") && !names.contains(&"flush"),
        "{names:?}"
    );
}

#[test]
fn a_class_of_the_same_file_called_runs_its_init() {
    let src = "\
import sys
from sqlalchemy import create_engine

class PopulateDatabase:
    def __init__(self, url):
        self.engine = create_engine(url)

def main():
    PopulateDatabase(sys.argv[1])
";
    let f = facts("tools/populate.py", src);
    assert!(
        f.calls
            .iter()
            .any(|c| c.name == "PopulateDatabase" && c.module.is_none()),
        "{:#?}",
        f.calls
    );
}

#[test]
fn a_dependency_class_method_is_its_callback_but_not_an_alternative_constructor() {
    let src = "\
import psycopg2
from maltego_trx.transform import DiscoverableTransform

class EmailToBreaches(DiscoverableTransform):
    @classmethod
    def create_entities(cls, request, response):
        a = psycopg2.connect('dbname=x')

    @classmethod
    def from_settings(cls, settings):
        b = psycopg2.connect('dbname=x')
        return cls()
";
    let f = facts_with(
        "transforms/EmailToBreaches.py",
        src,
        &["maltego-trx", "psycopg2"],
    );
    let kinds: Vec<(ScopeKind, &str)> = f
        .clients
        .iter()
        .map(|c| (c.scope.kind, c.scope.framework()))
        .collect();
    assert_eq!(kinds.len(), 2, "{:#?}", f.clients);
    assert_eq!(kinds[0], (ScopeKind::Handler, INFERRED));
    assert_ne!(kinds[1].0, ScopeKind::Handler);
}

#[test]
fn a_dependency_callback_that_creates_tables_sets_a_schema_up() {
    let src = "\
import psycopg
from feast.infra.online_stores.online_store import OnlineStore

class Store(OnlineStore):
    def update(self, config, tables_to_delete, tables_to_keep):
        with psycopg.connect(config.dsn) as conn:
            conn.execute('create table if not exists t (k text)')

    def online_read(self, config, table, keys):
        with psycopg.connect(config.dsn) as conn:
            return conn.execute('SELECT v FROM t WHERE k = ANY(%s)', (keys,)).fetchall()
";
    let f = facts_with("store/online.py", src, &["feast", "psycopg"]);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    assert_eq!(
        kinds,
        [ScopeKind::Function, ScopeKind::Handler],
        "{:#?}",
        f.clients
    );
}

#[test]
fn a_dependencys_decorator_naming_its_job_by_keyword() {
    let src = "\
import asyncpg
from nemoguardrails.actions import action

@action(name='lookup_order_status')
async def lookup(context=None):
    a = await asyncpg.connect('postgres://x')

@action(is_system_action=True)
async def other(context=None):
    b = await asyncpg.connect('postgres://x')
";
    let f = facts_with("config/actions.py", src, &["nemoguardrails", "asyncpg"]);
    assert_eq!(f.clients.len(), 2, "{:#?}", f.clients);
    assert_eq!(f.clients[0].scope.kind, ScopeKind::Handler);
    assert_ne!(f.clients[1].scope.kind, ScopeKind::Handler);
}

#[test]
fn a_plugin_module_in_a_scripts_folder_is_not_a_script() {
    let plugin = "\
import requests
from hummingbot.strategy.script_strategy_base import ScriptStrategyBase

class MM(ScriptStrategyBase):
    def on_tick(self):
        s = requests.Session()
";
    let f = facts_with("scripts/mm.py", plugin, &["hummingbot", "requests"]);
    assert!(f.hosted_plugin);
    assert_eq!(f.clients[0].scope.kind, ScopeKind::Handler);
    let script = format!("{plugin}\nif __name__ == '__main__':\n    MM().on_tick()\n");
    let f = facts_with("scripts/mm.py", &script, &["hummingbot", "requests"]);
    assert!(!f.hosted_plugin);
    assert_eq!(f.clients[0].scope.kind, ScopeKind::Startup);
}

#[test]
fn decorators_given_event_constants_register() {
    // itchat's `@itchat.msg_register(TEXT)` (or a list of constants) registers the function per
    // message; a constant given to a wrapper (`@cache.memoize(TIMEOUT)`) or to a method not
    // named for registering (`@settings.override(DEBUG)`) registers nothing.
    let src = "\
import itchat
from itchat.content import PICTURE, TEXT
from app.ext import cache, settings

@itchat.msg_register(TEXT)
def on_text(msg):
    pass

@itchat.msg_register([PICTURE, TEXT], isGroupChat=True)
def on_group(msg):
    pass

@cache.memoize(TIMEOUT)
def rates():
    pass

@settings.override(DEBUG)
def debug_view():
    pass
";
    let f = facts_with("bot.py", src, &["itchat"]);
    let kinds: Vec<ScopeKind> = ["on_text", "on_group", "rates", "debug_view"]
        .iter()
        .map(|n| func(&f, n).scope.kind)
        .collect();
    assert_eq!(
        kinds,
        vec![
            ScopeKind::Handler,
            ScopeKind::Handler,
            ScopeKind::Function,
            ScopeKind::Function
        ]
    );
}

#[test]
fn bound_method_of_a_project_instance_is_a_handler_ref() {
    // `handler = TelemetryChannel(...)` then `channel.on("message", handler.relay)`: the
    // method `relay` of the class imported from `channel_handlers`.
    let src = "\
from channel_handlers import TelemetryChannel

def offer(robot_id, channel):
    handler = TelemetryChannel(robot_id, channel)
    channel.on(\"message\", handler.relay)
    other = make_channel()
    channel.on(\"close\", other.relay)
";
    let f = facts_with("server.py", src, &["aiortc"]);
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
    assert_eq!(refs, vec![("relay", Some("channel_handlers"))]);
}

/// A function handed to a dependency's server class (`MapServer(enrich)`) runs per request,
/// probably; one decorated as a factory (`@Language.factory("linker")`) builds its object once;
/// a class whose `__call__` takes a `doc` (spaCy's components) runs per document.
#[test]
fn server_classes_factories_and_doc_components() {
    let src = "\
import psycopg2
from pynumaflow.mapper import MapServer
from spacy.language import Language

def enrich(keys, datum):
    a = psycopg2.connect('dbname=x')

@Language.factory('linker')
def create_linker(nlp, name):
    b = psycopg2.connect('dbname=x')
    return Linker()

class Linker:
    def __call__(self, doc):
        c = psycopg2.connect('dbname=x')
        return doc

if __name__ == '__main__':
    MapServer(enrich).start()
";
    let f = facts_with("app/flow.py", src, &["pynumaflow", "spacy", "psycopg2"]);
    let scope = |needle: &str| {
        let at = src.find(needle).expect("in source");
        let c = f
            .clients
            .iter()
            .find(|c| c.span.start as usize > at)
            .expect("a client after the needle");
        (c.scope.kind, c.scope.framework().to_string())
    };
    assert_eq!(
        scope("def enrich"),
        (ScopeKind::Handler, INFERRED.to_string())
    );
    assert_ne!(scope("def create_linker").1, INFERRED);
    assert_eq!(scope("def __call__").0, ScopeKind::Handler);
}

/// An event named by a constant (`self.bind(weewx.NEW_ARCHIVE_RECORD, self.on_record)`) and a
/// function handed to a runner (`[registration] runners`: `deferToThread(lookup, dn)` in a
/// per-event callback) run per event; a signal's handler (`add_signal_handler(signal.SIGTERM,
/// stop)`) runs once.
#[test]
fn constant_event_keys_runners_and_signals() {
    let src = "\
import psycopg2
import signal
from twisted.internet import threads

def lookup(uid):
    a = psycopg2.connect('dbname=x')

def stop():
    b = psycopg2.connect('dbname=x')

class Service:
    def __init__(self, engine, loop):
        engine.bind(weewx.NEW_ARCHIVE_RECORD, self.on_record)
        loop.add_signal_handler(signal.SIGTERM, stop)

    def on_record(self, event):
        c = psycopg2.connect('dbname=x')
        return threads.deferToThread(lookup, event.uid)
";
    let f = facts_with("app/svc.py", src, &["psycopg2", "twisted"]);
    let refs: Vec<&str> = f
        .handler_refs
        .iter()
        .filter(|r| r.framework == INFERRED)
        .map(|r| r.name.as_str())
        .collect();
    assert!(refs.contains(&"on_record"), "{refs:?}");
    assert!(!refs.contains(&"stop"), "{refs:?}");
    assert!(
        f.calls.iter().any(|c| c.name == "lookup"),
        "{:#?}",
        f.calls.iter().map(|c| &c.name).collect::<Vec<_>>()
    );
}
