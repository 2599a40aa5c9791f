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
