//! Registrations read by their shape (`[registration.inferred]`).

use super::*;
use crate::facts::INFERRED;

#[test]
fn path_then_wrapped_handler_and_path_receiver_are_inferred() {
    let f = facts(
        r#"
async fn list() {}
async fn orders() {}
fn main() {
    App::new().at("/list", get(handler_service(list))).serve();
    let r = ("/orders".GET(orders),);
}
"#,
    );
    for name in ["list", "orders"] {
        assert!(
            f.handler_refs
                .iter()
                .any(|r| r.name == name && r.framework == INFERRED),
            "{name}: {:#?}",
            f.handler_refs
        );
    }
}

#[test]
fn closure_after_a_key_and_attribute_with_a_path_are_inferred() {
    let f = facts(
        r#"
#[gateway::route("/health")]
async fn health() { let c = redis::Client::open("redis://x/").unwrap(); }
fn main() {
    bus.subscribe_to("orders", |m: String| async move { let d = redis::Client::open("redis://x/").unwrap(); });
}
"#,
    );
    assert_eq!(f.clients.len(), 2);
    for c in &f.clients {
        assert_eq!(
            (c.scope.kind, c.scope.framework()),
            (ScopeKind::Handler, INFERRED)
        );
    }
}

#[test]
fn a_registering_verb_before_an_event_suffix_is_no_once_only_event() {
    let f = facts(
        r#"
fn main() {
    let _a = client.register_callback(move |u: LobbyChatUpdate| { let c = redis::Client::open("redis://x/").unwrap(); });
    let _b = plugin.on_register(move |u: Plugin| { let d = redis::Client::open("redis://x/").unwrap(); });
}
"#,
    );
    let tags: Vec<&str> = f.clients.iter().map(|c| c.scope.framework()).collect();
    assert_eq!(tags[0], INFERRED);
    assert_ne!(tags[1], INFERRED);
}

#[test]
fn maps_errors_and_once_events_are_not_registrations() {
    let f = facts(
        r#"
fn build() { let c = redis::Client::open("redis://x/").unwrap(); }
#[error("database")]
fn not_a_route() { let d = redis::Client::open("redis://x/").unwrap(); }
fn main() {
    let mut m = HashMap::new();
    m.insert("primary", build);
    bus.on_event("ready", |_| { let e = redis::Client::open("redis://x/").unwrap(); });
}
"#,
    );
    assert!(f.clients.iter().all(|c| c.scope.framework() != INFERRED));
    assert!(f.handler_refs.iter().all(|r| r.framework != INFERRED));
}

#[test]
fn a_dependencys_attribute_exports_the_function_unless_it_only_wraps_it() {
    let src = r#"
use pyo3_polars::derive::polars_expr;
use cached::proc_macro::cached;
#[polars_expr(output_type = String)]
fn region(inputs: &[Series]) -> u8 { 0 }
#[cached]
fn shared() -> u8 { 0 }
#[local_macro]
fn unresolved() -> u8 { 0 }
#[polars_expr]
#[allow(dead_code)]
fn unused() -> u8 { 0 }
"#;
    let f = facts_with("src/lib.rs", &["pyo3-polars", "cached"], src);
    let kinds: Vec<_> = f
        .functions
        .iter()
        .map(|func| (func.name.as_str(), func.scope.kind, func.scope.framework()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("region", ScopeKind::Handler, INFERRED),
            ("shared", ScopeKind::Function, ""),
            ("unresolved", ScopeKind::Function, ""),
            ("unused", ScopeKind::Function, ""),
        ]
    );
}

#[test]
fn c_entry_points_and_callbacks_run_per_call_except_once_only_ones() {
    let src = r#"
#[no_mangle]
pub extern "C" fn plugin_on_event() -> i32 { 0 }
#[no_mangle]
pub extern "C" fn plugin_init() -> i32 { 0 }
#[no_mangle]
pub extern "C" fn JNI_OnLoad() -> i32 { 0 }
// Not exported by name: a callback C is given by pointer (a Zabbix module's item table).
pub extern "C" fn item_callback() -> i32 { 0 }
pub extern "C" fn on_load() -> i32 { 0 }
pub fn plain() -> i32 { 0 }
"#;
    let f = facts_with("src/lib.rs", &["redis"], src);
    let kinds: Vec<_> = f
        .functions
        .iter()
        .map(|func| (func.name.as_str(), func.scope.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("plugin_on_event", ScopeKind::Handler),
            ("plugin_init", ScopeKind::Function),
            ("JNI_OnLoad", ScopeKind::Function),
            ("item_callback", ScopeKind::Handler),
            ("on_load", ScopeKind::Function),
            ("plain", ScopeKind::Function),
        ]
    );
}

#[test]
fn a_dependency_function_given_a_key_then_a_closure_and_handler_setters_are_inferred() {
    let text = r#"
fn main() {
    let _s = rosrust::subscribe("/fleet/battery", 50, move |m: Msg| {
        let a = reqwest::blocking::Client::new();
    });
    let mut l = hyprland::event_listener::EventListener::new();
    l.add_workspace_change_handler(move |ws| {
        let b = reqwest::blocking::Client::builder().build();
    });
    let _t = rosrust::param("/fleet/name");
}
"#;
    let f = facts_with("src/main.rs", &["rosrust", "hyprland", "reqwest"], text);
    let kinds: Vec<(ScopeKind, &str)> = f
        .clients
        .iter()
        .map(|c| (c.scope.kind, c.scope.framework()))
        .collect();
    assert_eq!(
        kinds,
        [
            (ScopeKind::Handler, INFERRED),
            (ScopeKind::Handler, INFERRED)
        ]
    );
}

#[test]
fn a_dependency_traits_constructor_from_configuration_is_no_callback() {
    let src = r#"
use component_registry::{Configurable, Registry, Subscriber};
pub struct StorageConfig { pub bucket: String }
pub struct Store { client: aws_sdk_s3::Client }
#[async_trait::async_trait]
impl Configurable<StorageConfig> for Store {
    async fn try_from_config(config: &StorageConfig, _r: &Registry) -> Result<Self, String> {
        let sdk = aws_config::load_from_env().await;
        Ok(Store { client: aws_sdk_s3::Client::new(&sdk) })
    }
}
#[async_trait::async_trait]
impl Subscriber for Store {
    async fn on_event(&self, config: &StorageConfig) -> Result<(), String> {
        let sdk = aws_config::load_from_env().await;
        let _c = aws_sdk_s3::Client::from_conf(aws_sdk_s3::Config::new(&sdk));
        Ok(())
    }
}
"#;
    let f = facts_with(
        "src/lib.rs",
        &[
            "component-registry",
            "aws-sdk-s3",
            "aws-config",
            "async-trait",
        ],
        src,
    );
    let kind = |needle: &str| {
        f.clients
            .iter()
            .find(|c| src[c.span.range()].contains(needle))
            .map(|c| c.scope.kind)
    };
    // Builds `Self` from a configuration: a constructor.
    assert_eq!(kind("Client::new"), Some(ScopeKind::Function));
    // Returns no `Self`: called back per event.
    assert_eq!(kind("Client::from_conf"), Some(ScopeKind::Handler));
}

#[test]
fn functions_a_bridge_exports_run_per_call_from_the_other_side() {
    let src = r#"
#[cxx_qt::bridge]
pub mod qobject {
    unsafe extern "C++" {
        fn qt_side(x: i32) -> i32;
    }
    unsafe extern "RustQt" {
        #[qinvokable]
        fn report_damage(self: Pin<&mut Scanner>, sku: &QString);
        fn initialize(self: Pin<&mut Scanner>);
    }
}
impl qobject::Scanner {
    pub fn report_damage(self: Pin<&mut Self>, sku: &QString) {}
    pub fn initialize(self: Pin<&mut Self>) {}
    pub fn helper(&self) {}
}
fn qt_side(x: i32) -> i32 { x }
"#;
    let f = facts_with("src/scanner.rs", &["cxx-qt", "cxx-qt-lib"], src);
    let kinds: Vec<_> = f
        .functions
        .iter()
        .map(|func| (func.name.as_str(), func.scope.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("report_damage", ScopeKind::Handler),
            ("initialize", ScopeKind::Function),
            ("helper", ScopeKind::Function),
            ("qt_side", ScopeKind::Function),
        ]
    );
}

#[test]
fn a_callable_modules_public_functions_and_a_macros_functions_are_read() {
    let f = facts(
        r#"
#[vmod]
mod tenant {
    pub fn lookup(host: &str) -> String { let c = redis::Client::open("redis://x/").unwrap(); String::new() }
    fn helper() {}
}
methods!(
    Pricing,
    _rtself,
    fn pricing_quote(sku: RString) -> Integer { let d = redis::Client::open("redis://x/").unwrap(); Integer::new(1) }
);
"#,
    );
    assert_eq!(f.clients.len(), 2, "{:#?}", f.clients);
    assert_eq!(f.clients[0].scope.kind, ScopeKind::Handler);
    assert!(f.functions.iter().any(|x| x.name == "pricing_quote"));
}

#[test]
fn a_crate_another_crate_reexports_is_matched() {
    let f = facts(
        r#"
use r2d2_postgres::postgres::{Client, NoTls};
async fn handler() { let c = Client::connect("postgres://x", NoTls).unwrap(); }
"#,
    );
    assert_eq!(only_client(&f).family, "postgres");
}

#[test]
fn a_dependency_trait_start_method_is_start_up_code() {
    // X-Plane's `Plugin::start` runs once, as the plugin loads: what it builds lives with it.
    // Other methods of a dependency's trait run per event.
    let src = r#"
use xplm::plugin::Plugin;
struct Recorder;
impl Plugin for Recorder {
    type Error = std::io::Error;
    fn start() -> Result<Self, Self::Error> { Ok(Recorder) }
    fn receive_message(&mut self, _from: i32, _message: i32, _param: *mut u8) {}
}
"#;
    let f = facts_with("src/lib.rs", &["xplm"], src);
    let kinds: Vec<_> = f
        .functions
        .iter()
        .map(|func| (func.name.as_str(), func.scope.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("start", ScopeKind::Startup),
            ("receive_message", ScopeKind::Handler),
        ]
    );
}

#[test]
fn a_command_given_a_name_and_a_function_is_registered() {
    // arma-rs: `Group::new().command("kill", stats::kill)` runs `kill` per call from the game;
    // clap's `#[command(about)]` attribute stays no registration.
    let src = r#"
use arma_rs::{arma, Extension, Group};
#[arma]
fn init() -> Extension {
    Extension::build().group("stats", Group::new().command("kill", kill)).finish()
}
fn kill(who: String) -> String { who }
#[derive(clap::Parser)]
#[command(about = "tool")]
struct Cli;
"#;
    let f = facts_with("src/lib.rs", &["arma-rs", "clap"], src);
    let kill = f.functions.iter().find(|x| x.name == "kill").expect("kill");
    assert_eq!(
        f.handler_refs
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>(),
        ["kill"],
        "{:#?}",
        f.handler_refs
    );
    assert_eq!(kill.scope.kind, ScopeKind::Handler);
}

#[test]
fn a_native_named_for_its_callers_runs_per_call_whatever_its_words() {
    let src = r#"
use samp::native;

impl Core {
    #[native(name = "Garage_Load")]
    pub fn garage_load(&mut self, amx: &Amx) -> AmxResult<i32> {
        let a = mysql::Conn::new(opts()).unwrap();
        Ok(1)
    }

    #[native]
    pub fn plugin_load(&mut self, amx: &Amx) -> AmxResult<i32> {
        let b = mysql::Conn::new(opts()).unwrap();
        Ok(1)
    }
}
"#;
    let f = facts_with("src/lib.rs", &["samp", "mysql"], src);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    assert_eq!(kinds, vec![ScopeKind::Handler, ScopeKind::Function]);
}

#[test]
fn compiler_crates_traits_are_a_dependencys() {
    let src = r#"
extern crate rustc_lint;
use rustc_lint::{LateContext, LateLintPass};

impl<'tcx> LateLintPass<'tcx> for Check {
    fn check_expr(&mut self, cx: &LateContext<'tcx>, e: &Expr<'tcx>) {
        let a = reqwest::blocking::Client::new();
    }
    fn check_crate(&mut self, cx: &LateContext<'tcx>) {
        let b = reqwest::blocking::Client::new();
    }
}
"#;
    let f = facts_with("src/lib.rs", &["reqwest"], src);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    assert_eq!(kinds, vec![ScopeKind::Handler, ScopeKind::Function]);
}

#[test]
fn a_function_typed_as_taking_a_request_handed_to_a_dependency_is_inferred() {
    let f = facts_with(
        "src/main.rs",
        &["moon", "reqwest"],
        r#"
use moon::*;
async fn frontend() -> Frontend { Frontend::new() }
async fn up_msg_handler(req: UpMsgRequest<String>) {}
async fn on_tick(n: &Box<TickEvent>) {}
async fn helper(n: u32) {}
fn local(f: fn(u32)) {}
fn main() {
    start(frontend, up_msg_handler, |_| {});
    start(on_tick);
    start(helper);
    local(up_msg_handler);
}
"#,
    );
    let inferred: Vec<&str> = f
        .handler_refs
        .iter()
        .filter(|r| r.framework == INFERRED)
        .map(|r| r.name.as_str())
        .collect();
    // Typed as what happens (through `&` and `Box`), handed to a call that is not the file's:
    // per event. Not `frontend` nor `helper` (typed as nothing that happens).
    assert!(inferred.contains(&"up_msg_handler"), "{inferred:?}");
    assert!(inferred.contains(&"on_tick"), "{inferred:?}");
    assert!(
        !inferred.contains(&"frontend") && !inferred.contains(&"helper"),
        "{inferred:?}"
    );
}

#[test]
fn a_typed_function_handed_only_to_the_files_own_function_is_not_inferred() {
    let f = facts_with(
        "src/main.rs",
        &["reqwest"],
        r#"
struct ReplayRequest { url: String }
fn replay(req: ReplayRequest) {}
fn run_once(f: fn(ReplayRequest)) {}
fn main() { run_once(replay); }
"#,
    );
    assert!(
        !f.handler_refs.iter().any(|r| r.name == "replay"),
        "{:#?}",
        f.handler_refs
    );
}

#[test]
fn a_returned_closure_typed_as_called_again_is_inferred() {
    // `-> impl FnMut(…)` / `-> Box<dyn Fn(…)>`: whoever takes it calls it once per event. An
    // `FnOnce`, a closure without inputs and one that is not the tail are not.
    let f = facts(
        r#"
fn journal(url: String) -> impl FnMut(&Fill, u64, bool) + Send {
    move |f: &Fill, _s: u64, _e: bool| { let c = redis::Client::open("redis://x/").unwrap(); }
}
fn boxed() -> Box<dyn Fn(u32) + Send> {
    Box::new(|n: u32| { let c = redis::Client::open("redis://x/").unwrap(); })
}
fn once() -> impl FnOnce(u32) {
    |n: u32| { let c = redis::Client::open("redis://x/").unwrap(); }
}
fn thunk() -> impl Fn() -> u32 {
    || { let c = redis::Client::open("redis://x/").unwrap(); 1 }
}
"#,
    );
    let kinds: Vec<(ScopeKind, &str)> = f
        .clients
        .iter()
        .map(|c| (c.scope.kind, c.scope.framework()))
        .collect();
    assert_eq!(kinds[0], (ScopeKind::Handler, INFERRED));
    assert_eq!(kinds[1], (ScopeKind::Handler, INFERRED));
    assert!(
        kinds[2..].iter().all(|(k, _)| *k != ScopeKind::Handler),
        "{kinds:?}"
    );
}
