//! `connlint budget` on the projects of `fixtures/budget/`: each pool, the processes that hold it
//! (read from where they are written, with their sources), the total per database against its
//! limit, in the three formats; and `oversized-pool`'s project total naming the same numbers.
//!
//! The expected totals are computed by hand in each test from the fixture's files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::PathBuf;

use common::{connlint, write};
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/budget")
        .join(name)
}

/// Run `connlint budget` in a directory; (exit code, stdout).
fn budget_in(dir: &std::path::Path, format: &str) -> (i32, String) {
    let out = connlint()
        .current_dir(dir)
        .args(["budget", "--isolated", "--format", format])
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn json(name: &str) -> Value {
    let (_, out) = budget_in(&fixture(name), "json");
    serde_json::from_str(&out).unwrap()
}

/// The database named `name` of a JSON report.
fn db<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["databases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == name)
        .unwrap_or_else(|| panic!("no database {name} in {v:#}"))
}

/// (name, server, workers, replicas) of every process.
fn processes(v: &Value) -> Vec<(String, String, u64, u64)> {
    v["processes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["server"].as_str().unwrap().to_string(),
                p["workers"]["value"].as_u64().unwrap(),
                p["replicas"]["value"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn ignored(v: &Value) -> Vec<String> {
    v["ignored"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["why"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn monorepo_fastapi_celery_nextjs_matches_a_hand_computation() {
    let v = json("monorepo");
    // docker-compose.yml: api = gunicorn -w 4, deploy.replicas 2; worker = celery --concurrency=6;
    // web = frontend/Dockerfile's `npm start` → package.json `next start`; beat, db, redis ignored.
    assert_eq!(
        processes(&v),
        vec![
            ("api".into(), "gunicorn".into(), 4, 2),
            ("worker".into(), "celery worker".into(), 6, 1),
            ("web".into(), "next start".into(), 1, 1),
        ]
    );
    let api = &v["processes"][0];
    assert_eq!(api["workers"]["at"]["path"], "docker-compose.yml");
    assert_eq!(api["workers"]["at"]["line"], 4);
    assert_eq!(api["replicas"]["at"]["line"], 8);
    let ig = ignored(&v);
    assert!(ig.iter().any(|w| w.contains("celery beat")), "{ig:?}");
    assert!(ig.iter().any(|w| w.contains("service `redis`")), "{ig:?}");
    // backend/app/db.py: pool_size 5 + max_overflow 5 = 10, held by 4×2 gunicorn workers and 6
    // Celery children = 14 processes → 140; frontend/lib/prisma.ts: Prisma's default
    // connection_limit, 2 CPUs × 2 + 1 = 5, in one `next start` → 5. Total 145 against the
    // `postgres -c max_connections=120` of the Compose service `db` (the URL's host).
    let d = db(&v, "DATABASE_URL");
    assert_eq!(d["family"], "postgres");
    let pools = d["pools"].as_array().unwrap();
    assert_eq!(pools.len(), 2);
    assert_eq!(pools[0]["path"], "backend/app/db.py");
    assert_eq!(pools[0]["max"], 10);
    assert_eq!(pools[0]["processes"], 14);
    assert_eq!(pools[0]["connections"], 140);
    assert_eq!(pools[1]["path"], "frontend/lib/prisma.ts");
    assert_eq!(pools[1]["max"], 5);
    assert_eq!(pools[1]["connections"], 5);
    assert_eq!(d["total"], 145);
    assert_eq!(d["limit"]["value"], 120);
    assert_eq!(d["headroom"], -25);
    assert_eq!(d["over"], true);
}

#[test]
fn monorepo_in_three_formats() {
    let dir = fixture("monorepo");
    let (code, human) = budget_in(&dir, "human");
    assert_eq!(code, 1, "a database over its limit fails the run");
    insta::assert_snapshot!("monorepo-human", human);
    let (_, md) = budget_in(&dir, "markdown");
    assert!(md.contains("```mermaid\n"), "{md}");
    // One pair of bars per database: what the pools may open, then the limit.
    assert!(md.contains("bar [145, 120]"), "{md}");
    insta::assert_snapshot!("monorepo-markdown", md);
    let (_, js) = budget_in(&dir, "json");
    insta::assert_snapshot!("monorepo-json", js);
    // --exit-zero for job summaries.
    connlint()
        .current_dir(&dir)
        .args([
            "budget",
            "--isolated",
            "--exit-zero",
            "--format",
            "markdown",
        ])
        .assert()
        .success();
}

#[test]
fn oversized_pool_project_total_names_the_budget_numbers() {
    let out = connlint()
        .current_dir(fixture("monorepo"))
        .args(["check", "--isolated", "--no-cache", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let total: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "oversized-pool")
        .collect();
    assert_eq!(total.len(), 1, "{v:#}");
    let msg = total[0]["message"].as_str().unwrap();
    assert!(msg.contains("up to 145 connections"), "{msg}");
    assert!(msg.contains("10 × 14 processes = 140"), "{msg}");
    assert!(msg.contains("above its limit 120"), "{msg}");
}

#[test]
fn procfile_gunicorn_config_and_celeryconfig() {
    let v = json("procfile-gunicorn-conf");
    // web: gunicorn -c gunicorn.conf.py → workers = int(os.environ.get("WEB_CONCURRENCY", 3))
    // → 3; worker: celery, worker_concurrency = 4 in celeryconfig.py; release: ignored.
    assert_eq!(
        processes(&v),
        vec![
            ("web".into(), "gunicorn".into(), 3, 1),
            ("worker".into(), "celery worker".into(), 4, 1),
        ]
    );
    assert_eq!(
        v["processes"][0]["workers"]["at"]["path"],
        "gunicorn.conf.py"
    );
    assert_eq!(
        v["processes"][1]["workers"]["at"]["path"],
        "celeryconfig.py"
    );
    assert!(ignored(&v).iter().any(|w| w.contains("release")));
    // pool_size 10 + max_overflow 0 = 10 × 3 gunicorn workers = 30, behind Supabase's session
    // pooler (.env), whose pool size is 15. The Celery children load `app.tasks`, which imports
    // no engine: they hold none.
    let d = db(&v, "DATABASE_URL");
    assert_eq!(d["total"], 30);
    let holders = d["pools"][0]["holders"].as_array().unwrap();
    assert_eq!(holders.len(), 1);
    assert_eq!(
        holders[0]["chain"],
        serde_json::json!(["app/db.py", "app/main.py", "gunicorn app.main"])
    );
    assert_eq!(d["limit"]["value"], 15);
    assert!(d["limit"]["why"].as_str().unwrap().contains("session"));
}

#[test]
fn dockerfile_env_and_entrypoint_script() {
    let v = json("dockerfile-web-concurrency");
    // ENTRYPOINT /docker-entrypoint.sh → `exec uvicorn …` (no --workers) with the last stage's
    // `ENV … WEB_CONCURRENCY=5`.
    assert_eq!(
        processes(&v),
        vec![("dockerfile-web-concurrency".into(), "uvicorn".into(), 5, 1)]
    );
    assert_eq!(v["processes"][0]["workers"]["note"], "WEB_CONCURRENCY");
    // create_engine with SQLAlchemy's defaults: 5 + 10 = 15 per process × 5 = 75.
    let d = db(&v, "DATABASE_URL");
    assert_eq!(d["pools"][0]["default"], true);
    assert_eq!(d["total"], 75);
}

#[test]
fn kubernetes_hpa_peak_and_compose_as_an_alternative() {
    let v = json("kubernetes-hpa");
    // Deployment `api` replicas 3, its HPA (another file) maxReplicas 8: the peak counts; the
    // container has no command: the Dockerfile's CMD, a binary. compose.yaml describes the same
    // service for development: listed, not counted.
    assert_eq!(
        processes(&v),
        vec![("api".into(), "binary `api`".into(), 1, 8)]
    );
    assert_eq!(v["processes"][0]["replicas"]["at"]["path"], "k8s/hpa.yaml");
    assert!(
        ignored(&v)
            .iter()
            .any(|w| w.contains("Kubernetes description is the one counted")),
        "{:?}",
        ignored(&v)
    );
    // sqlx max_connections(10) × 8 pods = 80.
    assert_eq!(db(&v, "DATABASE_URL")["total"], 80);
}

#[test]
fn pm2_ecosystem_instances() {
    let v = json("pm2-node");
    assert_eq!(processes(&v), vec![("pm2-node".into(), "pm2".into(), 4, 1)]);
    // pg Pool max 10 × 4 PM2 instances.
    assert_eq!(db(&v, "DATABASE_URL")["total"], 40);
}

#[test]
fn node_cluster_forks_from_the_entry_point() {
    let v = json("node-cluster");
    // Procfile `npm start` → `node server.js`, which forks WORKERS = 3 children.
    assert_eq!(
        processes(&v),
        vec![("web".into(), "node cluster".into(), 3, 1)]
    );
    // mysql2 connectionLimit 20 × 3 = 60, against MySQL's default 151.
    let d = db(&v, "DATABASE_URL");
    assert_eq!(d["total"], 60);
    assert_eq!(d["limit"]["value"], 151);
}

#[test]
fn two_services_share_one_database() {
    let v = json("two-services");
    // orders: gunicorn --workers 3 (exec form); billing: uvicorn --workers 2; both reach
    // postgresql://…@db/shop through DATABASE_URL. Each pool is held only by its own service:
    // 5 × 3 + 5 × 2 = 25 against `[budget] max_connections = 20` (connlint.toml; `--isolated`
    // is not used here).
    let out = connlint()
        .current_dir(fixture("two-services"))
        .args(["budget", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let with_config: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = db(&with_config, "DATABASE_URL");
    assert_eq!(d["total"], 25);
    assert_eq!(d["limit"]["value"], 20);
    assert_eq!(d["headroom"], -5);
    let held: Vec<(String, u64)> = d["pools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["path"].as_str().unwrap().to_string(),
                p["processes"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        held,
        vec![
            ("billing/billing/app.py".into(), 2),
            ("orders/orders/app.py".into(), 3)
        ]
    );
    assert_eq!(processes(&v).len(), 2);
}

#[test]
fn serverless_project_multiplies_by_instances() {
    let v = json("serverless");
    // vercel.json: each instance has its own Prisma pool, connection_limit=3 (.env) × 10
    // assumed instances.
    assert!(processes(&v).is_empty());
    let d = db(&v, "DATABASE_URL");
    assert_eq!(d["pools"][0]["processes"], 10);
    assert_eq!(d["total"], 30);
}

#[test]
fn config_values_stand_in_when_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "pyproject.toml",
        "[project]\nname = \"svc\"\nversion = \"1\"\ndependencies = [\"sqlalchemy\"]\n\n[tool.connlint.budget]\ninstances = 6\ncpus = 8\n\n[tool.connlint.budget.limits]\nDATABASE_URL = 50\n",
    );
    write(
        dir.path(),
        "svc/db.py",
        "import os\nfrom sqlalchemy import create_engine\n\nengine = create_engine(os.environ[\"DATABASE_URL\"], pool_size=5, max_overflow=0)\n",
    );
    let out = connlint()
        .current_dir(dir.path())
        .args(["budget", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["cpus"], 8);
    let d = db(&v, "DATABASE_URL");
    assert_eq!(d["pools"][0]["processes"], 6);
    assert_eq!(d["total"], 30);
    assert_eq!(d["limit"]["value"], 50);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn broken_deployment_files_are_read_around() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "pyproject.toml",
        "[project]\nname = \"svc\"\nversion = \"1\"\ndependencies = [\"sqlalchemy\"]\n",
    );
    write(
        dir.path(),
        "svc/db.py",
        "import os\nfrom sqlalchemy import create_engine\n\nengine = create_engine(os.environ[\"DATABASE_URL\"])\n",
    );
    write(
        dir.path(),
        "docker-compose.yml",
        "services:\n  api: [unclosed\n",
    );
    write(
        dir.path(),
        "Procfile",
        "web gunicorn without a colon\n\u{0}\u{1}\n",
    );
    write(
        dir.path(),
        "k8s/deployment.yaml",
        "kind: Deployment\nspec:\n  replicas: {{ .Values.replicas }}\n",
    );
    write(
        dir.path(),
        "Dockerfile",
        "FROM python\nCMD [\"gunicorn\", \"-w\"\n",
    );
    let (code, out) = budget_in(dir.path(), "json");
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(ignored(&v).iter().any(|w| w.contains("not valid YAML")));
    assert_eq!(db(&v, "DATABASE_URL")["total"], 15);
}

#[test]
fn scripts_are_not_pools_and_redis_has_no_assumed_limit() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "pyproject.toml",
        "[project]\nname = \"svc\"\nversion = \"1\"\ndependencies = [\"redis\"]\n",
    );
    // A container entrypoint helper (paperless-ngx's wait-for-redis.py): a script, not a pool
    // of the deployed processes.
    write(
        dir.path(),
        "docker/wait-for-redis.py",
        "import os\nimport sys\n\nfrom redis import Redis\n\nif __name__ == \"__main__\":\n    client = Redis.from_url(os.environ[\"REDIS_URL\"])\n    sys.exit(0 if client.ping() else 1)\n",
    );
    write(
        dir.path(),
        "svc/cache.py",
        "import os\n\nfrom redis import Redis\n\ncache = Redis.from_url(os.environ[\"REDIS_URL\"])\n",
    );
    let (_, out) = budget_in(dir.path(), "json");
    let v: Value = serde_json::from_str(&out).unwrap();
    let d = db(&v, "REDIS_URL");
    let paths: Vec<&str> = d["pools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, vec!["svc/cache.py"]);
    // Redis accepts ~10,000 clients: no limit is assumed.
    assert!(d["limit"].is_null(), "{d:#}");
}

/// `connlint budget` with extra arguments, run in a fixture (its own `connlint.toml` applies).
fn budget_with(name: &str, args: &[&str]) -> (i32, String, String) {
    let out = connlint()
        .current_dir(fixture(name))
        .arg("budget")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The pool of a database written at `path`: (max per process, processes, connections).
fn pool_numbers(d: &Value, path: &str) -> (u64, u64, u64) {
    let p = d["pools"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["path"] == path)
        .unwrap_or_else(|| panic!("no pool at {path} in {d:#}"));
    (
        p["max"].as_u64().unwrap(),
        p["processes"].as_u64().unwrap(),
        p["connections"].as_u64().unwrap(),
    )
}

#[test]
fn each_pool_counts_only_in_the_processes_that_load_it() {
    // gunicorn app.main:app (4 workers) loads app.main → app.routes → app.db: 10 × 4 = 40.
    // celery -A app.tasks (concurrency 6) loads app.tasks → app.worker_db: 2 × 6 = 12.
    // Prisma on Vercel, connection_limit=3 in web/.env: 3 × 10 instances = 30.
    // 82 against max_connections = 60 (connlint.toml): 22 over.
    let (code, out, err) = budget_with("reachability", &["--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let d = db(&v, "DATABASE_URL");
    assert_eq!(d["total"], 82);
    assert_eq!(d["limit"]["value"], 60);
    assert_eq!(pool_numbers(d, "backend/app/db.py"), (10, 4, 40));
    assert_eq!(pool_numbers(d, "backend/app/worker_db.py"), (2, 6, 12));
    assert_eq!(pool_numbers(d, "web/lib/prisma.ts"), (3, 10, 30));
    // A module no process loads holds no connection, and says so.
    assert_eq!(pool_numbers(d, "backend/app/reports_db.py"), (20, 0, 0));
    // Every figure is explained: the chain from the pool's module up to the command.
    let web = &d["pools"][0]["holders"][0];
    assert_eq!(web["name"], "web (gunicorn)");
    assert_eq!(
        web["chain"],
        serde_json::json!([
            "backend/app/db.py",
            "backend/app/routes.py",
            "backend/app/main.py",
            "gunicorn app.main"
        ])
    );
    assert_eq!(web["assumed"], false);
    // The advice fits: pool sizes per process whose connections add up to at most 60, none
    // above today's size.
    let advice = d["advice"].as_array().unwrap();
    assert_eq!(advice.len(), 3);
    let fits: u64 = advice
        .iter()
        .map(|a| {
            assert!(a["max"].as_u64().unwrap() <= a["now"].as_u64().unwrap());
            assert_eq!(
                a["connections"].as_u64().unwrap(),
                a["max"].as_u64().unwrap() * a["processes"].as_u64().unwrap()
            );
            a["connections"].as_u64().unwrap()
        })
        .sum();
    assert!((50..=60).contains(&fits), "advice adds up to {fits}");
    let (_, human, _) = budget_with("reachability", &[]);
    assert!(human.contains("82 connections, limit 60"), "{human}");
    assert!(
        human.contains("web (gunicorn): backend/app/db.py ← backend/app/routes.py ← backend/app/main.py ← gunicorn app.main"),
        "{human}"
    );
    assert!(human.contains("To fit 60, at most per process"), "{human}");
    assert!(
        human.contains("× 0 processes: no process's entry point imports this module = 0"),
        "{human}"
    );
}

#[test]
fn what_if_flags_change_replicas_and_limits() {
    // web ×3 replicas: 10 × 12 = 120; + 12 + 30 = 162 against 200: fits, no advice.
    let (code, out, _) = budget_with(
        "reachability",
        &[
            "--format",
            "json",
            "--replicas",
            "web=3",
            "--max-connections",
            "200",
        ],
    );
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let d = db(&v, "DATABASE_URL");
    assert_eq!(d["total"], 162);
    assert_eq!(d["limit"]["value"], 200);
    assert_eq!(d["limit"]["why"], "--max-connections");
    assert!(d["advice"].as_array().unwrap().is_empty());
    assert_eq!(pool_numbers(d, "backend/app/db.py"), (10, 12, 120));
    // A name the report does not know is a usage error naming the ones it does.
    let (code, _, err) = budget_with("reachability", &["--replicas", "api=2"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no process named `api` (processes: web, worker)"),
        "{err}"
    );
    let (code, _, err) = budget_with("reachability", &["--max-connections", "lots"]);
    assert_eq!(code, 2);
    assert!(err.contains("expected N or NAME=N"), "{err}");
    let (code, out, _) = budget_with(
        "reachability",
        &["--format", "json", "--max-connections", "DATABASE_URL=90"],
    );
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(db(&v, "DATABASE_URL")["limit"]["value"], 90);
}

#[test]
fn a_process_whose_entry_point_is_unknown_holds_everything_and_is_marked_assumed() {
    // `rq worker` imports each job's module when it runs it: no command line names it. It is
    // assumed to hold both engines (4 + 2), and says what to add; gunicorn wsgi:app holds only
    // the engine wsgi.py reaches (4 × 3).
    let v = json("unknown-entry");
    let d = db(&v, "DATABASE_URL");
    assert_eq!(pool_numbers(d, "app/db.py"), (4, 4, 16));
    assert_eq!(pool_numbers(d, "app/jobs.py"), (2, 1, 2));
    let jobs = d["pools"][1]["holders"][0].clone();
    assert_eq!(jobs["name"], "jobs (rq worker)");
    assert_eq!(jobs["assumed"], true);
    assert!(
        jobs["why"]
            .as_str()
            .unwrap()
            .contains("[budget.entries] jobs = [\"app.jobs\"]"),
        "{jobs:#}"
    );
    // Told what it loads, it holds only that.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "connlint.toml",
        "[budget.entries]\njobs = [\"app.jobs\"]\n",
    );
    let out = connlint()
        .current_dir(fixture("unknown-entry"))
        .args(["budget", "--format", "json", "--config"])
        .arg(dir.path().join("connlint.toml"))
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = db(&v, "DATABASE_URL");
    assert_eq!(pool_numbers(d, "app/db.py"), (4, 3, 12));
    assert_eq!(pool_numbers(d, "app/jobs.py"), (2, 1, 2));
    assert_eq!(d["pools"][1]["holders"][0]["assumed"], false);
}

#[test]
fn the_chart_is_an_svg_of_the_pools_against_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("budget.svg");
    let (code, _, err) = budget_with("reachability", &["--chart", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    let svg = std::fs::read_to_string(&file).unwrap();
    // Well-formed XML, an <svg> root, one bar segment per pool and the limit in the legend.
    let mut reader = quick_xml::Reader::from_str(&svg);
    let mut root = None;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) if root.is_none() => {
                root = Some(e.name().into_inner().to_string());
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(root.as_deref(), Some("svg"));
    for text in [
        "backend/app/db.py:7 10 × 4 = 40",
        "backend/app/worker_db.py:6 2 × 6 = 12",
        "web/lib/prisma.ts:5 3 × 10 = 30",
        "DATABASE_URL: limit 60 ([budget] max_connections)",
    ] {
        assert!(svg.contains(text), "{text} not in the chart");
    }
    // A chart that cannot be written is an error, and nothing is left behind.
    let (code, _, err) = budget_with("reachability", &["--chart", "/nonexistent-dir/budget.svg"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot write the chart"), "{err}");
}

#[test]
fn fly_processes_and_render_services() {
    // fly.toml: web = gunicorn (WEB_CONCURRENCY = "3" in [env]), worker = celery -c 2; machine
    // counts are set outside the repository (1 each). Both load app.db: 6 × (3 + 2) = 30.
    let v = json("fly-processes");
    assert_eq!(
        processes(&v),
        vec![
            ("web".into(), "gunicorn".into(), 3, 1),
            ("worker".into(), "celery worker".into(), 2, 1),
        ]
    );
    assert_eq!(v["processes"][0]["kind"], "fly");
    assert_eq!(v["processes"][0]["workers"]["at"]["line"], 5);
    assert_eq!(db(&v, "DATABASE_URL")["total"], 30);
    // render.yaml: api = gunicorn --workers 2 under rootDir api, autoscaled to maxInstances 4
    // (the peak): 5 × 8 = 40; the dramatiq worker loads app.mail, which holds no pool; the
    // static site runs no code.
    let v = json("render-blueprint");
    assert_eq!(
        processes(&v),
        vec![
            ("api".into(), "gunicorn".into(), 2, 4),
            ("mailer".into(), "dramatiq".into(), 2, 1),
        ]
    );
    assert_eq!(v["processes"][0]["replicas"]["at"]["line"], 10);
    let d = db(&v, "DATABASE_URL");
    assert_eq!(d["total"], 40);
    assert_eq!(d["pools"][0]["holders"].as_array().unwrap().len(), 1);
    assert!(
        ignored(&v)
            .iter()
            .any(|w| w.contains("service `site`") && w.contains("static"))
    );
}

#[test]
fn helm_templates_rendered_with_their_values_where_plain() {
    // chart/values.yaml: workers 2, autoscaling enabled with maxReplicas 6 (the HPA template
    // renders; the Deployment's `replicas` is under `if not .Values.autoscaling.enabled`).
    // gunicorn app.main:app --workers 2, × 6 replicas at peak = 12 processes × 5 = 60.
    let v = json("helm-chart");
    assert_eq!(processes(&v), vec![("api".into(), "gunicorn".into(), 2, 6)]);
    assert_eq!(
        v["processes"][0]["replicas"]["at"]["path"],
        "chart/templates/hpa.yaml"
    );
    assert_eq!(db(&v, "DATABASE_URL")["total"], 60);
}

#[test]
fn a_rust_binary_holds_the_pools_its_start_up_builds() {
    // src/bin/web.rs's main calls billing::db::web_pool() (20), src/bin/worker.rs's calls
    // worker_pool() (4): web 20 × 2 replicas = 40, worker 4 × 1 = 4; 44 against the Compose
    // server's max_connections=40. (Every pool × every binary would be 72.)
    let v = json("rust-binaries");
    let d = db(&v, "DATABASE_URL");
    assert_eq!(d["total"], 44);
    assert_eq!(d["limit"]["value"], 40);
    let holders = |i: usize| d["pools"][i]["holders"].as_array().unwrap().clone();
    assert_eq!(holders(0).len(), 1);
    assert_eq!(holders(0)[0]["name"], "web (binary `web`)");
    assert_eq!(
        holders(0)[0]["chain"],
        serde_json::json!(["src/db.rs", "src/bin/web.rs", "binary `web`"])
    );
    assert_eq!(holders(1)[0]["name"], "worker (binary `worker`)");
}
