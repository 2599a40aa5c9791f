//! Evidence of how often a call runs that the call's own surroundings give: a parameter that
//! must be given, an element a loop keeps, a replaced value closed first, a lambda handed to a
//! listener, a function nested in start-up code.

use super::*;

#[test]
fn a_call_under_a_flag_parameter_needs_it_given() {
    let src = "\
import psycopg

def bus(new_connection=False, url=None, other=True):
    if new_connection:
        a = psycopg.connect('dbname=x')
    if url is not None:
        b = psycopg.connect(url)
    if other:
        c = psycopg.connect('dbname=y')
    d = psycopg.connect('dbname=z')
";
    let f = facts("app/bus.py", src);
    let needs: Vec<Option<(String, u32)>> =
        f.clients.iter().map(|c| c.needs_param.clone()).collect();
    assert_eq!(
        needs,
        vec![
            Some(("new_connection".to_string(), 0)),
            Some(("url".to_string(), 1)),
            // (`other` defaults to true: the call runs unless the caller says otherwise.)
            None,
            None,
        ]
    );
}

#[test]
fn a_loop_keeping_the_receiver_per_element_collects_the_call() {
    let src = "\
from .relay import Relay

class Manager:
    def run(self, hosts):
        for host in hosts:
            relay = Relay(host)
            relay.start()
            self.relays[host] = relay
        while True:
            probe = Relay('x')
            probe.start()
            self.relays['x'] = probe
";
    let f = facts("app/manager.py", src);
    let starts: Vec<bool> = f
        .calls
        .iter()
        .filter(|c| c.name == "start")
        .map(|c| c.collected)
        .collect();
    // (A `while` loop keeps nothing per element: it goes round per event.)
    assert_eq!(starts, vec![true, false]);
}

#[test]
fn a_value_closed_before_it_is_replaced_is_a_reconnect() {
    let src = "\
import psycopg2

def connect(dsn):
    return psycopg2.connect(dsn)

class Writer:
    def run(self):
        while True:
            try:
                self.flush()
            except psycopg2.OperationalError:
                self._conn.close()
                self._conn = connect(self.dsn)
            self.other = connect(self.dsn)
";
    let f = facts("app/writer.py", src);
    let guards: Vec<Guard> = f
        .calls
        .iter()
        .filter(|c| c.name == "connect")
        .map(|c| c.guard)
        .collect();
    assert_eq!(guards, vec![Guard::ModuleCache, Guard::None]);
}

#[test]
fn a_lambda_handed_to_a_listener_names_its_callback() {
    let src = "\
import incidents

def main():
    sensor = world.spawn_actor(bp, transform)
    sensor.listen(lambda event: incidents.on_collision(7, event))
    sock.listen(5)
";
    let f = facts("app/recorder.py", src);
    assert_eq!(f.handler_refs.len(), 1, "{:?}", f.handler_refs);
}

#[test]
fn a_function_nested_in_main_and_decorated_by_a_library_is_no_start_up_code() {
    let src = "\
import httpx
import iterm2

async def latest(repo):
    client = httpx.AsyncClient()
    return await client.get(repo)

async def main(connection):
    @iterm2.StatusBarRPC
    async def ci_status(knobs):
        return await latest(knobs)

    def helper():
        return 1

    helper()
    await component.async_register(connection, ci_status)

iterm2.run_forever(main)
";
    let f = facts_with("app/status.py", src, &["httpx", "iterm2"]);
    assert_eq!(func(&f, "ci_status").scope.kind, ScopeKind::Function);
    // (Called only from inside `ci_status`, not from `main` itself: no start-up code.)
    assert_eq!(func(&f, "latest").scope.kind, ScopeKind::Function);
    assert_eq!(func(&f, "helper").scope.kind, ScopeKind::Startup);
}

#[test]
fn a_client_used_by_a_loop_of_its_own_serves_a_batch() {
    let src = "\
import aiohttp

async def send_chunk(actions):
    async with aiohttp.ClientSession() as session:
        for action in actions:
            await session.post(action['url'])

async def send_one(action):
    async with aiohttp.ClientSession() as one:
        await one.post(action['url'])

def run(actions):
    chunks_to_run = split(actions)
    for chunk in chunks_to_run:
        send_chunk(chunk)
    for item in range(3):
        send_one(item)
";
    let f = facts("app/notify.py", src);
    let serves: Vec<bool> = f.clients.iter().map(|c| c.serves_loop).collect();
    assert_eq!(serves, vec![true, false]);
    // A `for` over what a function computed (named for several things: `chunks_to_run`) is a
    // loop over items; over a `range`, a finite one.
    let tags: Vec<&str> = f
        .calls
        .iter()
        .filter(|c| c.name == "send_chunk" || c.name == "send_one")
        .map(|c| c.scope.framework())
        .collect();
    assert_eq!(
        tags,
        vec![crate::facts::ITEMS_LOOP, crate::facts::FINITE_LOOP]
    );
}

#[test]
fn a_name_is_plural_by_its_noun_before_a_preposition() {
    use super::super::syntax::plural;
    assert!(plural("chunks_to_run"));
    assert!(plural("items_for_user"));
    assert!(plural("queues"));
    assert!(!plural("consumer_for_orders"));
    assert!(!plural("address"));
    assert!(!plural("stream"));
}

#[test]
fn a_per_call_base_named_through_its_module_makes_init_per_call() {
    // Flexx builds the app's root component per browser session: `init` runs then. The base is
    // written through the module (`flx.PyWidget` after `from flexx import flx`).
    let src = "\
from flexx import flx
import httpx

class Board(flx.PyWidget):
    def init(self):
        self.http = httpx.Client()

class Other(flx.Widget):
    def init(self):
        self.http = httpx.Client()
";
    let f = facts_with("board.py", src, &["flexx", "httpx"]);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    assert_eq!(kinds, vec![ScopeKind::Handler, ScopeKind::Function]);
}

#[test]
fn functions_handed_to_a_cli_in_a_dict_are_commands() {
    // `tyro.extras.subcommand_cli_from_dict({...})`: each value is one command of the process.
    let src = "\
import boto3
import tyro

def export_month(month: str) -> None:
    s3 = boto3.client('s3')

def helper() -> None:
    s3 = boto3.client('s3')

tyro.extras.subcommand_cli_from_dict({'export-month': export_month})
";
    let f = facts_with("cli.py", src, &["tyro", "boto3"]);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    assert_eq!(kinds[0], ScopeKind::Startup, "{:#?}", f.clients);
}

#[test]
fn an_entry_taken_out_and_closed_before_it_is_replaced_is_a_keyed_reconnect() {
    // `old = self.clients.pop(key)` … `old.close()` then `self.clients[key] = Client()`: one
    // per key, the old one closed; without the close, a client per call left open.
    let src = "\
import httpx

class Plugin:
    def start(self, dev):
        old = self.clients.pop(dev.id, None)
        if old is not None:
            old.close()
        self.clients[dev.id] = httpx.Client()

    def restart(self, dev):
        self.clients[dev.id] = httpx.Client()
";
    let f = facts_with("plugin.py", src, &["httpx"]);
    let guards: Vec<Guard> = f.clients.iter().map(|c| c.guard).collect();
    assert_eq!(guards[0], Guard::ModuleCache, "{:#?}", f.clients);
    assert_ne!(guards[1], Guard::ModuleCache);
}
