//! How often a loop's body runs: what gives up, what ends the loop, what rebuilds on failure.

use super::*;

fn kind_of(f: &FileFacts, text: &str, needle: &str) -> ScopeKind {
    let c = f
        .clients
        .iter()
        .find(|c| text[c.span.range()].contains(needle))
        .unwrap_or_else(|| panic!("no construction with {needle}: {:#?}", f.clients));
    c.scope.kind
}

#[test]
fn a_loop_that_only_gives_up_is_no_retry() {
    // A REPL: `return Err(…)` ends the program, it hands no connection out.
    let src = r#"
fn main() -> Result<(), Box<dyn std::error::Error>> {
    loop {
        match read_line() {
            Ok(line) => {
                let c = reqwest::blocking::Client::new();
                c.get(line).send()?;
            }
            Err(e) => return Err(e.into()),
        }
    }
}
"#;
    let f = facts(src);
    assert_eq!(kind_of(&f, src, "Client::new"), ScopeKind::Loop);
}

#[test]
fn a_loop_that_returns_what_it_built_is_a_retry() {
    let src = r#"
fn main() {
    let client = loop {
        match redis::Client::open("redis://127.0.0.1/") {
            Ok(c) => break c,
            Err(_) => std::thread::sleep(std::time::Duration::from_secs(1)),
        }
    };
}
"#;
    let f = facts_with("src/main.rs", &["redis"], src);
    assert_ne!(kind_of(&f, src, "Client::open"), ScopeKind::Loop);
}

#[test]
fn a_branch_that_ends_the_loop_builds_once() {
    let src = r#"
async fn login(client: &Api) -> Result<(), Error> {
    loop {
        match client.poll().await {
            Ok(Some(token)) => {
                let authed = reqwest::Client::builder().build()?;
                authed.get("https://api.example/whoami").bearer_auth(token).send().await?;
                return Ok(());
            }
            Ok(None) => {
                let probe = reqwest::Client::new();
                probe.get("https://api.example/ping").send().await?;
            }
            Err(e) => return Err(e),
        }
    }
}
"#;
    let f = facts(src);
    assert_eq!(kind_of(&f, src, "builder"), ScopeKind::Function);
    assert_eq!(kind_of(&f, src, "Client::new"), ScopeKind::Loop);
}

#[test]
fn a_reconnect_guarded_by_the_old_value_is_not_per_iteration() {
    let src = r#"
fn main() {
    let mut client = postgres::Client::connect("postgres://db/app", postgres::NoTls).unwrap();
    loop {
        let line = read_line();
        if client.is_closed() {
            client = postgres::Client::connect("postgres://db/app", postgres::NoTls).unwrap();
        }
        let other = postgres::Client::connect("postgres://db/other", postgres::NoTls).unwrap();
        drop((line, other));
    }
}
"#;
    let f = facts_with("src/main.rs", &["postgres"], src);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    // At start-up, on a lost connection (once per loss), and per line.
    assert_eq!(kinds.len(), 3, "{:#?}", f.clients);
    assert_ne!(kinds[1], ScopeKind::Loop);
    assert_eq!(kinds[2], ScopeKind::Loop);
}

#[test]
fn format_urls_are_read_with_their_placeholders() {
    let src = r#"
async fn pool(host: &str, password: &str) -> sqlx::PgPool {
    let url = format!("postgres://ledger:{password}@{host}:6543/postgres?x={{y}}&n={}", 5);
    sqlx::PgPool::connect(&url).await.unwrap()
}
"#;
    let f = facts(src);
    let url = f.client_configs.first().and_then(|c| c.url.clone());
    match url {
        Some(crate::facts::UrlRef::Literal { text, .. }) => {
            assert!(
                text.starts_with("postgres://ledger:password@host:6543/postgres?x={y}&n=v"),
                "{text}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_function_memoized_by_hand_in_a_map_builds_once_per_key() {
    let src = r#"
impl Policies {
    async fn lookup(&self, d: &str) -> reqwest::Result<String> {
        if let Some(p) = self.cache.get(d) {
            return Ok(p.clone());
        }
        let c = reqwest::Client::new();
        let p = c.get(d).send().await?.text().await?;
        self.cache.insert(d.to_string(), p.clone());
        Ok(p)
    }
    async fn only_read(&self, d: &str) -> reqwest::Result<String> {
        if let Some(p) = self.cache.get(d) {
            return Ok(p.clone());
        }
        let c = reqwest::Client::new();
        c.get(d).send().await?.text().await
    }
}
"#;
    let f = facts(src);
    let guards: Vec<Guard> = f.functions.iter().map(|func| func.guard).collect();
    // Read first and filled after: a memo; read but never filled: no cache at all.
    assert_eq!(guards, vec![Guard::Memo, Guard::None]);
}

#[test]
fn a_connection_moved_into_each_worker_of_a_range_is_per_worker() {
    let src = r#"
async fn copy(url: &str, n: usize) {
    for i in 0..n {
        let client = redis::Client::open(url).unwrap();
        tokio::spawn(async move { let _ = client.get_connection_info(); });
    }
    for i in 0..n {
        let used = redis::Client::open(url).unwrap();
        let _ = used.get_connection_info();
    }
}
"#;
    let f = facts(src);
    let kinds: Vec<ScopeKind> = f.clients.iter().map(|c| c.scope.kind).collect();
    // Moved into the worker the iteration spawns: once per worker; used and dropped: per item.
    assert_eq!(kinds, [ScopeKind::Function, ScopeKind::Loop]);
}

#[test]
fn a_call_filling_a_missing_file_runs_once_per_file() {
    let text = r#"
async fn fetch(dest: &std::path::Path) {}
async fn refresh(dest: &std::path::Path) {}
async fn compile(path: std::path::PathBuf, ready: bool) {
    if ready && !path.exists() {
        fetch(&path).await;
    }
    if path.exists() {
        refresh(&path).await;
    }
}
"#;
    let f = facts(text);
    let guard = |name: &str| {
        f.calls
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.guard)
            .unwrap_or_else(|| panic!("{:#?}", f.calls))
    };
    assert_eq!(guard("fetch"), Guard::Memo);
    assert_eq!(guard("refresh"), Guard::None);
}

#[test]
fn a_subscription_opened_inline_and_a_match_macro_run_per_event() {
    // `for event in Connection::new()?.subscribe(…)?` in `main` runs until the process stops;
    // a macro wrapping a `match` (elfo's `msg!`) holds code that runs where it stands.
    let src = r#"
fn main() -> anyhow::Result<()> {
    for name in names() {
        let once = redis::Client::open(name);
    }
    for event in Connection::new()?.subscribe([EventType::Window])? {
        let c = reqwest::blocking::Client::new();
    }
    Ok(())
}
async fn actor(mut ctx: Context) {
    while let Some(envelope) = ctx.recv().await {
        msg!(match envelope {
            Ping { id } => {
                let http = reqwest::Client::builder().build();
            }
        });
    }
}
"#;
    let f = facts(src);
    assert_eq!(kind_of(&f, src, "blocking::Client::new"), ScopeKind::Loop);
    assert_eq!(kind_of(&f, src, "redis::Client::open"), ScopeKind::Startup);
    assert_eq!(kind_of(&f, src, "Client::builder"), ScopeKind::Loop);
}

#[test]
fn a_factory_called_only_when_the_connection_is_gone_reconnects() {
    let src = r#"
fn connect(url: &str) -> Result<postgres::Client, postgres::Error> {
    postgres::Client::connect(url, postgres::NoTls)
}
fn main() {
    let mut client = connect("x").unwrap();
    loop {
        if client.is_closed() {
            match connect("x") {
                Ok(fresh) => client = fresh,
                Err(e) => eprintln!("{e}"),
            }
        }
    }
}
"#;
    let f = facts(src);
    let in_loop: Vec<ScopeKind> = f
        .calls
        .iter()
        .filter(|c| c.name == "connect")
        .map(|c| c.scope.kind)
        .collect();
    assert_eq!(in_loop, [ScopeKind::Startup, ScopeKind::Function]);
}

/// The same through `if let Ok(fresh) = connect(…) { client = fresh; }`; a connect whose
/// result replaces another name is per iteration.
#[test]
fn an_if_let_replacing_the_tested_connection_reconnects() {
    let src = |target: &str| {
        format!(
            r#"
fn connect(url: &str) -> Result<postgres::Client, postgres::Error> {{
    postgres::Client::connect(url, postgres::NoTls)
}}
fn main() {{
    let mut client = connect("x").unwrap();
    let mut other = connect("y").unwrap();
    loop {{
        if client.is_closed() {{
            if let Ok(fresh) = connect("x") {{
                {target} = fresh;
            }}
        }}
    }}
}}
"#
        )
    };
    let kinds = |f: &FileFacts| -> Vec<ScopeKind> {
        f.calls
            .iter()
            .filter(|c| c.name == "connect")
            .map(|c| c.scope.kind)
            .collect()
    };
    let same = facts(&src("client"));
    assert_eq!(
        kinds(&same),
        [ScopeKind::Startup, ScopeKind::Startup, ScopeKind::Function]
    );
    let other = facts(&src("other"));
    assert_eq!(kinds(&other)[2], ScopeKind::Loop);
}

#[test]
fn what_a_loop_stores_per_element_runs_at_the_functions_frequency() {
    let src = r#"
fn update(targets: &[String], table: &mut Vec<(String, reqwest::Client)>) {
    let mut clients = Vec::new();
    for t in targets {
        clients.push((t.clone(), reqwest::Client::builder().user_agent(t.as_str()).build().unwrap()));
    }
    for t in targets {
        let c = reqwest::Client::new();
        table.push((t.clone(), c));
    }
    for t in targets {
        // Stored in a collection the iteration builds itself: gone with it.
        let mut scratch = Vec::new();
        scratch.push(reqwest::Client::builder().https_only(true).build().unwrap());
    }
    let per_url: Vec<reqwest::Client> = targets
        .iter()
        .map(|u| reqwest::Client::builder().referer(false).build().unwrap())
        .collect();
    for t in targets {
        let c = reqwest::blocking::Client::new();
        let ok = c.get(t.as_str()).send().is_ok();
        table.len();
        clients.push((t.clone(), ok));
    }
}
"#;
    let f = facts(src);
    assert_eq!(kind_of(&f, src, "user_agent"), ScopeKind::Function);
    assert_eq!(kind_of(&f, src, "Client::new()"), ScopeKind::Function);
    assert_eq!(kind_of(&f, src, "https_only"), ScopeKind::Loop);
    assert_eq!(kind_of(&f, src, "referer"), ScopeKind::Function);
    assert_eq!(kind_of(&f, src, "blocking::Client::new"), ScopeKind::Loop);
}

#[test]
fn a_branch_filling_an_empty_cache_slot() {
    let parse = |cond: &str, then: &str| {
        let cond: syn::Expr = syn::parse_str(cond).unwrap();
        let then: syn::Block = syn::parse_str(then).unwrap();
        super::super::loops::fills_empty_slot(&cond, &then)
    };
    assert!(parse(
        "guard.is_none()",
        "{ let c = open(); *guard = Some(c.conn()); }"
    ));
    assert!(parse(
        "self.conn.is_none()",
        "{ self.conn = Some(open()); }"
    ));
    assert!(parse("CONN.is_none()", "{ CONN = Some(open()); }"));
    // A local filled per call is no cache; nor a slot tested but not filled.
    assert!(!parse("conn.is_none()", "{ conn = Some(open()); }"));
    assert!(!parse("guard.is_none()", "{ log(); }"));
    assert!(!parse("guard.is_some()", "{ *guard = Some(open()); }"));
}

fn guard_of(f: &FileFacts, text: &str, needle: &str) -> Guard {
    f.clients
        .iter()
        .find(|c| text[c.span.range()].contains(needle))
        .unwrap_or_else(|| panic!("no construction with {needle}: {:#?}", f.clients))
        .guard
}

#[test]
fn a_map_filled_on_a_miss_keeps_one_per_key() {
    let src = r#"
impl Hooks {
    pub fn hook_for(&mut self, site: &str) -> Option<&reqwest::Client> {
        if !self.hooks.contains_key(site) {
            let client = reqwest::Client::builder().build().ok()?;
            self.hooks.insert(site.to_string(), client);
        }
        if !self.hooks.contains_key(site) {
            let other = redis::Client::open("redis://x").ok()?;
            self.others.insert(site.to_string(), other);
        }
        self.hooks.get(site)
    }
}
"#;
    let f = facts(src);
    assert_eq!(guard_of(&f, src, "reqwest"), Guard::Memo);
    // (Checked in one map, kept in another: no cache of it, whatever keeps it.)
    assert_ne!(guard_of(&f, src, "redis"), Guard::Memo);
}

#[test]
fn what_follows_a_guard_on_a_filled_slot_runs_while_it_is_empty() {
    let src = r#"
async fn serve(mut lines: Lines) -> anyhow::Result<()> {
    let mut agent: Option<reqwest::Client> = None;
    while let Some(line) = lines.next_line().await? {
        if agent.is_some() {
            continue;
        }
        match reqwest::Client::builder().build() {
            Ok(a) => agent = Some(a),
            Err(e) => eprintln!("{e}"),
        }
    }
    Ok(())
}

async fn other(mut lines: Lines) -> anyhow::Result<()> {
    let mut seen: Option<String> = None;
    while let Some(line) = lines.next_line().await? {
        if seen.is_some() {
            continue;
        }
        let fresh = redis::Client::open(line.as_str())?;
        drop(fresh);
    }
    Ok(())
}
"#;
    let f = facts(src);
    assert_eq!(guard_of(&f, src, "reqwest"), Guard::Memo);
    // (`seen` is never filled: the guard caches nothing.)
    assert_eq!(guard_of(&f, src, "redis"), Guard::None);
}

#[test]
fn an_arm_answering_a_handshake_runs_once() {
    let src = r#"
fn serve(events: Vec<Event>) {
    for ev in events {
        match ev.name.as_str() {
            "init" => {
                let a = reqwest::blocking::Client::new();
                keep(a);
            }
            "start" => {
                let b = redis::Client::open("redis://x").unwrap();
                keep(b);
            }
            _ => {}
        }
    }
}
"#;
    let f = facts(src);
    assert_eq!(guard_of(&f, src, "reqwest"), Guard::Memo);
    // (A container's `start` is one per container.)
    assert_eq!(guard_of(&f, src, "redis"), Guard::None);
}

#[test]
fn a_for_loop_whose_end_is_an_error_serves() {
    // `for readout in reader { … } bail!("stream ended")`: meant never to end, per item. A
    // search that returns its find (or `Ok(())`) and bails when none worked goes over a list.
    let src = r#"
fn main() -> anyhow::Result<()> {
    let reader = Reader::new(port.bytes());
    for readout in reader {
        let c = reqwest::blocking::Client::new();
        c.post(URL).send()?;
    }
    anyhow::bail!("P1 stream ended")
}
"#;
    let f = facts(src);
    assert_eq!(kind_of(&f, src, "reqwest"), ScopeKind::Loop);
    let search = r#"
fn main() -> anyhow::Result<()> {
    for m in MIRRORS {
        let p = redis::Client::open(m)?;
        if p.get_connection().is_ok() {
            return Ok(());
        }
    }
    anyhow::bail!("none answered")
}
"#;
    let f = facts(search);
    assert_ne!(kind_of(&f, search, "redis"), ScopeKind::Loop);
}

#[test]
fn a_value_taken_from_its_slot_or_built_and_put_back_is_built_once() {
    let src = r#"
async fn renew(cfg: &mut Renewal) {
    let account = if let Some(a) = cfg.account.take() {
        a
    } else {
        Account { http: reqwest::Client::new() }
    };
    check(&account).await;
    cfg.account.replace(account);
}
async fn probe(cfg: &mut Renewal) {
    let account = match cfg.account.take() {
        Some(a) => a,
        None => Account { http: reqwest::Client::builder().https_only(true).build().unwrap() },
    };
    check(&account).await;
    cfg.account = Some(account);
}
async fn leak(cfg: &mut Renewal) {
    // Taken out and never put back: the slot stays empty.
    let account = if let Some(a) = cfg.account.take() {
        a
    } else {
        Account { http: reqwest::Client::builder().referer(false).build().unwrap() }
    };
    check(&account).await;
}
"#;
    let f = facts(src);
    assert_eq!(guard_of(&f, src, "Client::new()"), Guard::Memo);
    assert_eq!(guard_of(&f, src, "https_only"), Guard::Memo);
    assert_eq!(guard_of(&f, src, "referer"), Guard::None);
}

#[test]
fn a_retry_that_returns_what_derives_from_its_client_keeps_the_client() {
    let src = r#"
async fn connect(uri: &str) -> anyhow::Result<Store> {
    for attempt in 1..=5 {
        let client = mongodb::Client::with_uri_str(uri).await?;
        match client.database("admin").run_command(ping()).await {
            Ok(_) => {
                let db = client.database("telemetry");
                return Ok(Store { readings: db.collection("readings") });
            }
            Err(_) => client.shutdown().await,
        }
    }
    anyhow::bail!("unreachable")
}
async fn poll(uri: &str) -> anyhow::Result<u16> {
    for attempt in 1..=5 {
        // Only serves the attempt: what leaves is a status, not the client.
        let probe = reqwest::Client::new();
        match probe.get(uri).send().await {
            Ok(r) => return Ok(r.status().as_u16()),
            Err(_) => tokio::time::sleep(std::time::Duration::from_secs(1)).await,
        }
    }
    anyhow::bail!("down")
}
"#;
    let f = facts_with("src/store.rs", &["mongodb", "reqwest"], src);
    assert_eq!(kind_of(&f, src, "with_uri_str"), ScopeKind::Function);
    assert_eq!(kind_of(&f, src, "reqwest::Client::new"), ScopeKind::Loop);
}
