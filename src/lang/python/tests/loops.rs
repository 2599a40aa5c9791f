//! How often a loop's body runs: a stream consumed with `async for` in start-up code, and a
//! reconnect loop whose iteration lasts as long as a connection.

use super::*;

#[test]
fn async_for_in_main_runs_per_event() {
    let src = "\
import asyncio
import httpx
from watchfiles import awatch

async def main():
    for url in ['a', 'b']:
        warm = httpx.AsyncClient()
    async for changes in awatch('/inbox'):
        c = httpx.AsyncClient()
    async for changes in awatch('/inbox'):
        if changes:
            break
        d = httpx.AsyncClient()

if __name__ == '__main__':
    asyncio.run(main())
";
    let f = facts("app/ingest.py", src);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    // A finite loop in start-up code runs once; `async for` over a stream serves until the
    // process stops; one that breaks out is a wait, not a server.
    assert_eq!(
        kinds,
        [ScopeKind::Startup, ScopeKind::Loop, ScopeKind::Startup]
    );
}

#[test]
fn a_reconnect_loop_builds_per_connection_not_per_iteration() {
    let src = "\
import asyncio
import aiohttp

async def run(url, stop):
    while not stop.is_set():
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(url) as ws:
                async for msg in ws:
                    per_message = aiohttp.ClientSession()
        await asyncio.sleep(3)

async def poll(url, stop):
    while not stop.is_set():
        s = aiohttp.ClientSession()
        await asyncio.sleep(3)
";
    let f = facts("app/gateway.py", src);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    assert_eq!(
        kinds,
        [ScopeKind::Function, ScopeKind::Loop, ScopeKind::Loop]
    );
}

#[test]
fn a_loop_that_leaves_at_its_end_goes_round_only_on_failure() {
    let src = "\
import httpx

def connect(hosts):
    for host in hosts:
        try:
            probe(host)
        except OSError:
            continue
        once = httpx.Client()
        return once

def scan(hosts):
    for host in hosts:
        each = httpx.Client()
        if not each.get(host):
            continue
        return host
";
    let f = facts("app/cams.py", src);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    // Only an `except` goes round again in `connect`; `scan` skips ahead on a plain `continue`.
    assert_eq!(kinds, [ScopeKind::Function, ScopeKind::Loop]);
}

#[test]
fn a_comprehension_evaluates_its_first_iterable_once() {
    let src = "\
import httpx

def fetch(urls):
    pages = [page for page in httpx.Client().get(urls[0]).json()]
    bodies = [httpx.Client().get(u) for u in urls]
";
    let f = facts("app/pages.py", src);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    // The outer iterable runs where the comprehension stands; the element, per element.
    assert_eq!(kinds, [ScopeKind::Function, ScopeKind::Loop]);
}

#[test]
fn a_loop_filling_an_objects_pool_keeps_each_client() {
    let src = "\
import queue
import redis

class Pool:
    def __init__(self, n):
        self.free = queue.Queue()
        for _ in range(n):
            client = redis.Redis()
            self.free.put(client)

def warm(n):
    for _ in range(n):
        r = redis.Redis()
        r.ping()
";
    let f = facts("app/pool.py", src);
    let guards: Vec<Guard> = f.clients.iter().map(|c| c.guard).collect();
    assert_eq!(guards, [Guard::Owner, Guard::None]);
}

#[test]
fn a_loop_over_a_collection_its_function_builds_is_finite() {
    let src = "\
import requests

def dump_all(names, consumer):
    stats = [f'{t}_{r}' for t in TYPES for r in RANGES]
    for stat in stats:
        a = requests.Session()
    for i, region in enumerate(['eu', 'us']):
        b = requests.Session()
    for n in range(3):
        c = requests.Session()
    for name in names:
        d = requests.Session()
    for msg in consumer:
        e = requests.Session()
    pending = []
    pending = fetch()
    for p in pending:
        f = requests.Session()
";
    let f = facts("app/dump.py", src);
    let finite: Vec<bool> = f
        .clients
        .iter()
        .map(|c| {
            assert_eq!(c.scope.kind, ScopeKind::Loop);
            c.scope.framework() == crate::facts::FINITE_LOOP
        })
        .collect();
    // Literals, comprehensions and ranges the function builds are finite; a parameter, a
    // consumer, or a name also assigned something else is not known to be.
    assert_eq!(finite, [true, true, true, false, false, false]);
}

#[test]
fn a_builder_registered_by_shape_runs_once_and_its_returned_callbacks_per_event() {
    let src = "\
import boto3
import prodigy
import requests

@prodigy.recipe('triage', dataset=('d', 'positional', None, str))
def triage(dataset):
    http = requests.Session()
    def before_db(examples):
        s3 = boto3.client('s3')
        return examples
    def helper():
        return 1
    return {'dataset': dataset, 'before_db': before_db}
";
    let f = facts("recipes/triage.py", src);
    let kinds: Vec<(&str, ScopeKind)> = f
        .clients
        .iter()
        .map(|c| (c.ctor.as_str(), c.scope.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("requests.Session()", ScopeKind::Startup),
            ("boto3.client()", ScopeKind::Handler)
        ]
    );
}

#[test]
fn a_loop_that_receives_works_and_leaves_on_its_own_condition_serves() {
    let src = "\
import psycopg

def main():
    while True:
        topic, data = sub.get()
        conn = psycopg.connect(DSN)
        for st in status.poll():
            if st.lost():
                return
    while True:
        conn = psycopg.connect(DSN)
        if conn:
            break
        sleep(1)

if __name__ == '__main__':
    main()
";
    let f = facts("bridge.py", src);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    assert_eq!(kinds, [ScopeKind::Loop, ScopeKind::Startup]);
}

/// A client opened in one branch of an `if` and closed in another (`lifespan.startup` /
/// `lifespan.shutdown` of a raw ASGI lifespan loop) is closed by another event: handed over, not
/// left open on an exception. Closed in its own branch, it is still checked.
#[test]
fn a_client_closed_in_another_branch_is_closed_by_another_event() {
    let src = |close_in: &str| {
        format!(
            "\
import httpx
state = {{}}
async def lifespan_loop(receive):
    while True:
        message = await receive()
        if message == 'startup':
            state['http'] = httpx.AsyncClient()
            await state['http'].get('/ping')
{close_in}
        elif message == 'shutdown':
            return
"
        )
    };
    let closing =
        |f: &FileFacts| -> Vec<Closing> { f.sessions.iter().map(|s| s.closing).collect() };
    let other = facts(
        "app/life.py",
        &src("        elif message == 'stop':\n            await state['http'].aclose()"),
    );
    assert_eq!(closing(&other), [Closing::HandedOver]);
    let own = facts(
        "app/life.py",
        &src("            await state['http'].aclose()"),
    );
    assert_eq!(closing(&own), [Closing::NotOnErrorPaths]);
}
