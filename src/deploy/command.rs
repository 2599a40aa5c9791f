//! A process's command line (a Procfile line, a Dockerfile `CMD`, a Compose `command`, a
//! Kubernetes container's `command` + `args`): which server it starts and how many processes
//! that server runs. Shell wrappers (`sh -c`, `exec`, `&&` chains, `python -m`, `poetry run`,
//! `npm start` through `package.json`) are looked through.

use std::path::{Path, PathBuf};

use super::{Count, Origin, Runtime, conf};

use super::conf::Env;

/// What a command starts.
#[derive(Debug, Clone)]
pub struct Started {
    /// `gunicorn`, `uvicorn`, `celery worker`, `node`, `pm2`, …
    pub server: String,
    pub runtime: Runtime,
    /// Processes it runs (each holds its own pools).
    pub workers: Count,
    /// The file it runs, when the command names one (`node dist/server.js`).
    pub entry: Option<PathBuf>,
    /// The Python modules it imports first (`app.main` of `gunicorn app.main:app`, `app.tasks`
    /// of `celery -A app.tasks worker`): the pools it holds are those their imports reach.
    pub modules: Vec<String>,
}

/// Why a command holds no pool (`celery beat`, `redis-server`): shown as read and ignored.
#[derive(Debug, Clone)]
pub enum Outcome {
    Started(Started),
    Ignored(String),
    /// Not a command connlint knows (`postgres`, `nginx`): not an application process.
    Unknown,
}

/// What a command is read against.
pub struct Cx<'a> {
    /// The directory the command runs its code from (the build context, the Procfile's folder).
    pub dir: &'a Path,
    pub env: &'a Env,
    /// Where the command is written.
    pub at: &'a Origin,
    pub cpus: u64,
    /// Nesting of `sh -c` / `npm start`, bounded.
    pub depth: usize,
}

/// Read a command given as one shell string.
pub fn read_shell(cmd: &str, cx: &Cx<'_>) -> Outcome {
    let words =
        shlex::split(cmd).unwrap_or_else(|| cmd.split_whitespace().map(str::to_string).collect());
    read_words(&words, cx)
}

/// Read a command given as words (exec form).
pub fn read_words(words: &[String], cx: &Cx<'_>) -> Outcome {
    if cx.depth > 4 {
        return Outcome::Unknown;
    }
    // `a && b; c`: the last segment that starts something known (`alembic upgrade head &&
    // gunicorn app:app`).
    let mut best = Outcome::Unknown;
    for seg in words.split(|w| matches!(w.as_str(), "&&" | "||" | ";" | "|" | "&")) {
        match read_segment(seg, cx) {
            Outcome::Unknown => {}
            o @ Outcome::Started(_) => best = o,
            o @ Outcome::Ignored(_) => {
                if !matches!(best, Outcome::Started(_)) {
                    best = o;
                }
            }
        }
    }
    best
}

fn read_segment(words: &[String], cx: &Cx<'_>) -> Outcome {
    let mut env = cx.env.clone();
    let mut i = 0;
    // Prefixes that run the rest: `exec`, `env A=1`, `A=1 cmd`, process supervisors and
    // instrumentation wrappers, package-manager runners.
    loop {
        let Some(w) = words.get(i) else {
            return Outcome::Unknown;
        };
        let base = basename(w);
        if let Some((k, v)) = assignment(w) {
            env.insert(k.to_string(), (v.to_string(), cx.at.clone()));
            i += 1;
            continue;
        }
        match base {
            "exec" | "env" | "nohup" | "dumb-init" | "ddtrace-run" | "opentelemetry-instrument" => {
                i += 1;
            }
            "tini" => {
                i += 1;
                if words.get(i).is_some_and(|w| w == "--") {
                    i += 1;
                }
            }
            "newrelic-admin" if words.get(i + 1).is_some_and(|w| w == "run-program") => i += 2,
            "poetry" | "pipenv" | "pdm" | "uv" | "hatch" | "rye"
                if words.get(i + 1).is_some_and(|w| w == "run") =>
            {
                i += 2;
            }
            "python" | "python3" | "py" if words.get(i + 1).is_some_and(|w| w == "-m") => {
                i += 2;
            }
            "sh" | "bash" | "/bin/sh" | "/bin/bash" => {
                let Some(c) = words.iter().position(|w| w == "-c") else {
                    return Outcome::Unknown;
                };
                let Some(script) = words.get(c + 1) else {
                    return Outcome::Unknown;
                };
                let inner = Cx {
                    env: &env,
                    depth: cx.depth + 1,
                    ..*cx
                };
                return read_shell(script, &inner);
            }
            _ => break,
        }
    }
    let cx = Cx { env: &env, ..*cx };
    let prog = basename(&words[i]);
    let args = &words[i + 1..];
    let mut outcome = started_by(prog, words, i, &cx);
    if let Outcome::Started(s) = &mut outcome
        && s.runtime == Runtime::Python
    {
        let (modules, file) = python_entry(prog, args, cx.dir);
        s.modules = modules;
        if s.entry.is_none() {
            s.entry = file;
        }
    }
    outcome
}

/// The Python modules (or the file) a server command loads first: the app of `gunicorn
/// app.main:app` / `uvicorn` / `hypercorn` / `granian` / `daphne` (`--chdir` / `--app-dir`
/// taken into account), `celery -A proj` (`proj`, and `proj.celery` as Celery looks there
/// too), the modules of `dramatiq app.tasks`, the settings class's module of `arq
/// app.worker.WorkerSettings`, the file of `fastapi run app/main.py` or `python main.py`.
/// Nothing for a server that loads code by other means (`rq worker` imports each job's module
/// when it runs it).
fn python_entry(prog: &str, args: &[String], dir: &Path) -> (Vec<String>, Option<PathBuf>) {
    let positional: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let module_of = |spec: &str| -> Option<String> {
        let m = spec.split(':').next().unwrap_or(spec);
        let ok = !m.is_empty()
            && m.split('.')
                .all(|s| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_'));
        ok.then(|| m.to_string())
    };
    let prefixed = |m: String| -> String {
        match flag(args, &["--chdir", "--app-dir"]) {
            Some(d) if d != "." => {
                let d = d.trim_end_matches('/').replace('/', ".");
                format!("{d}.{m}")
            }
            _ => m,
        }
    };
    match prog {
        "gunicorn" | "uvicorn" | "hypercorn" | "granian" | "daphne" => {
            let app = positional
                .iter()
                .find(|a| a.contains(':') && !a.contains('/'))
                .and_then(|a| module_of(a));
            (app.map(prefixed).into_iter().collect(), None)
        }
        "celery" => match flag(args, &["-A", "--app"]).and_then(|a| module_of(&a)) {
            Some(m) => (vec![format!("{m}.celery"), m], None),
            None => (Vec::new(), None),
        },
        "dramatiq" => (
            args.iter()
                .take_while(|a| !a.starts_with('-'))
                .filter_map(|a| module_of(a))
                .collect(),
            None,
        ),
        "arq" => {
            let m = positional.first().and_then(|a| module_of(a)).and_then(|m| {
                m.rsplit_once('.')
                    .map(|(module, _class)| module.to_string())
            });
            (m.into_iter().collect(), None)
        }
        "fastapi" => (
            Vec::new(),
            positional
                .iter()
                .find(|a| a.ends_with(".py"))
                .map(|a| super::locate(dir, a)),
        ),
        "python" | "python3" | "py" => (
            Vec::new(),
            args.first()
                .filter(|a| a.ends_with(".py"))
                .map(|a| super::locate(dir, a)),
        ),
        _ => (Vec::new(), None),
    }
}

/// What the program of a segment starts (its arguments follow it at `words[i + 1..]`).
fn started_by(prog: &str, words: &[String], i: usize, cx: &Cx<'_>) -> Outcome {
    let args = &words[i + 1..];
    match prog {
        "gunicorn" => Outcome::Started(gunicorn(args, cx)),
        "uvicorn" => Outcome::Started(uvicorn(args, cx)),
        "hypercorn" => Outcome::Started(simple(
            "hypercorn",
            Runtime::Python,
            flag(args, &["-w", "--workers"]),
            cx,
            None,
        )),
        "uwsgi" => Outcome::Started(simple(
            "uwsgi",
            Runtime::Python,
            flag(args, &["-p", "--processes", "--workers"]),
            cx,
            None,
        )),
        "fastapi" => Outcome::Started(fastapi(args, cx)),
        "daphne" | "granian" | "flask" | "streamlit" => {
            let w = if prog == "granian" {
                flag(args, &["--workers"])
            } else {
                None
            };
            Outcome::Started(simple(prog, Runtime::Python, w, cx, None))
        }
        "manage.py" => match args.first().map(String::as_str) {
            Some("runserver") => {
                Outcome::Started(simple("django runserver", Runtime::Python, None, cx, None))
            }
            Some("migrate") | Some("collectstatic") => {
                Outcome::Ignored(format!("`manage.py {}` runs once", args[0]))
            }
            _ => Outcome::Unknown,
        },
        "celery" => celery(args, cx),
        "dramatiq" => Outcome::Started(match flag(args, &["-p", "--processes"]) {
            Some(w) => count_written("dramatiq", Runtime::Python, &w, cx),
            None => Started {
                server: "dramatiq".into(),
                runtime: Runtime::Python,
                workers: Count::cpus(cx.cpus, "dramatiq's default: one process per CPU"),
                entry: None,
                modules: Vec::new(),
            },
        }),
        "rq" => match args.first().map(String::as_str) {
            Some("worker") => {
                Outcome::Started(simple("rq worker", Runtime::Python, None, cx, None))
            }
            Some("worker-pool") => Outcome::Started(match flag(args, &["-n", "--num-workers"]) {
                Some(w) => count_written("rq worker-pool", Runtime::Python, &w, cx),
                None => Started {
                    server: "rq worker-pool".into(),
                    runtime: Runtime::Python,
                    workers: Count::default_of(2, "rq worker-pool's default"),
                    entry: None,
                    modules: Vec::new(),
                },
            }),
            _ => Outcome::Unknown,
        },
        // arq runs its jobs as coroutines of one process (`max_jobs` at a time).
        "arq" => Outcome::Started(simple("arq", Runtime::Python, None, cx, None)),
        "alembic" => Outcome::Ignored("`alembic` migrations run once".into()),
        // `python main.py` (an app that starts its own server): one process.
        "python" | "python3" if args.first().is_some_and(|a| a.ends_with(".py")) => {
            if args[0].ends_with("manage.py") {
                return read_segment(&words[i + 1..], cx);
            }
            Outcome::Started(simple("python", Runtime::Python, None, cx, None))
        }
        "node" | "nodemon" | "tsx" | "ts-node" | "bun" | "deno" => {
            let entry = args
                .iter()
                .find(|a| !a.starts_with('-') && looks_like_script(a))
                .map(|a| super::locate(cx.dir, a));
            let mut s = simple("node", Runtime::Node, None, cx, entry.clone());
            if let Some(e) = &entry
                && let Some(w) = conf::node_cluster(e, cx.cpus)
            {
                s.server = "node cluster".into();
                s.workers = w;
            }
            Outcome::Started(s)
        }
        "next" => match args.first().map(String::as_str) {
            Some("start") | Some("dev") => {
                Outcome::Started(simple("next start", Runtime::Node, None, cx, None))
            }
            _ => Outcome::Ignored("`next build` runs once".into()),
        },
        "pm2" | "pm2-runtime" | "pm2-docker" => pm2(args, cx),
        "npm" | "yarn" | "pnpm" => npm(args, cx),
        "redis-server" | "postgres" | "mongod" | "nginx" | "caddy" | "traefik" => {
            Outcome::Ignored(format!("`{prog}` is a server, not application code"))
        }
        "flower" => Outcome::Ignored("`flower` monitors Celery; it runs no tasks".into()),
        p if p.ends_with(".sh") => script(&words[i], cx),
        p if p.starts_with("./") || words[i].starts_with('/') || words[i].contains("target/") => {
            // A compiled binary (`./server`, `/usr/local/bin/api`): one process.
            Outcome::Started(simple(
                &format!("binary `{}`", basename(&words[i])),
                Runtime::Native,
                None,
                cx,
                None,
            ))
        }
        _ => Outcome::Unknown,
    }
}

/// A shell script (`/docker-entrypoint.sh`, `./start.sh`): the last line that starts something
/// known (`exec gunicorn …` after the migrations).
fn script(path: &str, cx: &Cx<'_>) -> Outcome {
    let file = super::locate(cx.dir, path);
    let Some(body) = super::read_small(&file) else {
        return Outcome::Unknown;
    };
    let mut best = Outcome::Unknown;
    for (i, l) in body.lines().enumerate() {
        let l = l.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let at = Origin {
            path: super::display(&file),
            line: u32::try_from(i + 1).unwrap_or(u32::MAX),
            text: l.to_string(),
        };
        let o = read_shell(
            l,
            &Cx {
                at: &at,
                depth: cx.depth + 1,
                ..*cx
            },
        );
        if matches!(o, Outcome::Started(_)) {
            best = o;
        }
    }
    best
}

fn looks_like_script(a: &str) -> bool {
    [".js", ".mjs", ".cjs", ".ts", ".mts"]
        .iter()
        .any(|e| a.ends_with(e))
        || !a.contains('.')
}

fn basename(w: &str) -> &str {
    w.rsplit('/').next().unwrap_or(w)
}

/// `A=1`: an environment assignment before a command.
fn assignment(w: &str) -> Option<(&str, &str)> {
    let (k, v) = w.split_once('=')?;
    (!k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
    .then_some((k, v))
}

/// The value of a flag: `-w 4`, `-w4`, `--workers 4`, `--workers=4`.
pub fn flag(args: &[String], names: &[&str]) -> Option<String> {
    for (i, a) in args.iter().enumerate() {
        for n in names {
            if a == n {
                return args.get(i + 1).cloned();
            }
            if let Some(v) = a.strip_prefix(&format!("{n}=")) {
                return Some(v.to_string());
            }
            // `-w4` (short flags only)
            if n.len() == 2
                && !n.starts_with("--")
                && let Some(v) = a.strip_prefix(n)
                && !v.is_empty()
                && v.bytes().all(|b| b.is_ascii_digit())
            {
                return Some(v.to_string());
            }
        }
    }
    None
}

/// A count as written: a number, `$VAR` / `${VAR:-4}` resolved from the environment.
fn count_written(server: &str, runtime: Runtime, value: &str, cx: &Cx<'_>) -> Started {
    Started {
        server: server.into(),
        runtime,
        workers: resolve(value, cx).unwrap_or_else(|| {
            Count::default_of(
                1,
                &format!("`{value}` is not a number connlint can read; counted as 1"),
            )
        }),
        entry: None,
        modules: Vec::new(),
    }
}

/// `4`, `$WEB_CONCURRENCY`, `${WORKERS:-4}`.
fn resolve(value: &str, cx: &Cx<'_>) -> Option<Count> {
    let v = value.trim();
    if let Ok(n) = v.parse::<u64>() {
        return Some(Count::written(n.max(1), cx.at.clone()));
    }
    let var = v.strip_prefix('$')?;
    let (name, fallback) = match var.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
        Some(inner) => match inner.split_once(":-").or_else(|| inner.split_once('-')) {
            Some((n, d)) => (n, Some(d)),
            None => (inner, None),
        },
        None => (var, None),
    };
    if let Some((val, at)) = cx.env.get(name)
        && let Ok(n) = val.trim().parse::<u64>()
    {
        return Some(Count::written(n.max(1), at.clone()).via(name));
    }
    let n = fallback?.trim().parse::<u64>().ok()?;
    Some(Count::written(n.max(1), cx.at.clone()).via(&format!("{name} unset")))
}

/// A server with an optional workers flag; `WEB_CONCURRENCY` is not read.
fn simple(
    server: &str,
    runtime: Runtime,
    workers: Option<String>,
    cx: &Cx<'_>,
    entry: Option<PathBuf>,
) -> Started {
    match workers {
        Some(w) => Started {
            entry,
            ..count_written(server, runtime, &w, cx)
        },
        None => Started {
            server: server.into(),
            runtime,
            workers: Count::default_of(1, &format!("{server} runs one process")),
            entry,
            modules: Vec::new(),
        },
    }
}

/// `WEB_CONCURRENCY` from the environment, when set to a number.
fn web_concurrency(cx: &Cx<'_>) -> Option<Count> {
    let (v, at) = cx.env.get("WEB_CONCURRENCY")?;
    let n = v.trim().parse::<u64>().ok()?;
    Some(Count::written(n.max(1), at.clone()).via("WEB_CONCURRENCY"))
}

fn gunicorn(args: &[String], cx: &Cx<'_>) -> Started {
    let mut s = Started {
        server: "gunicorn".into(),
        runtime: Runtime::Python,
        workers: Count::default_of(
            1,
            "gunicorn's default (no -w, no workers in a config, no WEB_CONCURRENCY)",
        ),
        entry: None,
        modules: Vec::new(),
    };
    if let Some(w) = flag(args, &["-w", "--workers"]) {
        s.workers = resolve(&w, cx).unwrap_or(s.workers);
        return s;
    }
    // GUNICORN_CMD_ARGS="--workers 3"
    if let Some((v, at)) = cx.env.get("GUNICORN_CMD_ARGS") {
        let words: Vec<String> = v.split_whitespace().map(str::to_string).collect();
        if let Some(n) = flag(&words, &["-w", "--workers"]).and_then(|w| w.parse::<u64>().ok()) {
            s.workers = Count::written(n.max(1), at.clone()).via("GUNICORN_CMD_ARGS");
            return s;
        }
    }
    // `-c gunicorn.conf.py`, else `./gunicorn.conf.py` (gunicorn's default config path).
    let config = flag(args, &["-c", "--config"])
        .filter(|c| !c.starts_with("python:"))
        .map(|c| super::locate(cx.dir, &c))
        .unwrap_or_else(|| cx.dir.join("gunicorn.conf.py"));
    if let Some(w) = conf::gunicorn_workers(&config, cx.env, cx.cpus) {
        s.workers = w;
        return s;
    }
    if let Some(w) = web_concurrency(cx) {
        s.workers = w;
    }
    s
}

fn uvicorn(args: &[String], cx: &Cx<'_>) -> Started {
    let mut s = Started {
        server: "uvicorn".into(),
        runtime: Runtime::Python,
        workers: Count::default_of(1, "uvicorn's default (no --workers, no WEB_CONCURRENCY)"),
        entry: None,
        modules: Vec::new(),
    };
    if args.iter().any(|a| a == "--reload") {
        s.workers = Count::default_of(1, "`--reload` runs one process");
        return s;
    }
    if let Some(w) = flag(args, &["--workers"]) {
        s.workers = resolve(&w, cx).unwrap_or(s.workers);
    } else if let Some(w) = web_concurrency(cx) {
        s.workers = w;
    } else if let Some((v, at)) = cx.env.get("UVICORN_WORKERS")
        && let Ok(n) = v.trim().parse::<u64>()
    {
        s.workers = Count::written(n.max(1), at.clone()).via("UVICORN_WORKERS");
    }
    s
}

/// FastAPI's CLI (`fastapi run`, `fastapi dev`) calls `uvicorn.run(workers=…)` with its own
/// `--workers` only: `WEB_CONCURRENCY` is read by uvicorn's command line, not by `uvicorn.run`;
/// `dev` reloads, and so runs one process.
fn fastapi(args: &[String], cx: &Cx<'_>) -> Started {
    let mut s = Started {
        server: "fastapi run".into(),
        runtime: Runtime::Python,
        workers: Count::default_of(1, "`fastapi run`'s default (no --workers)"),
        entry: None,
        modules: Vec::new(),
    };
    let dev = args.first().is_some_and(|a| a == "dev");
    if dev || args.iter().any(|a| a == "--reload") {
        s.server = if dev { "fastapi dev" } else { "fastapi run" }.into();
        s.workers = Count::default_of(1, "a reloading server runs one process");
        return s;
    }
    if let Some(w) = flag(args, &["--workers"]) {
        s.workers = resolve(&w, cx).unwrap_or(s.workers);
    }
    s
}

fn celery(args: &[String], cx: &Cx<'_>) -> Outcome {
    let sub = args
        .iter()
        .enumerate()
        .find(|(i, a)| {
            let after_value_flag =
                *i > 0 && matches!(args[i - 1].as_str(), "-A" | "--app" | "-b" | "--broker");
            !a.starts_with('-') && !after_value_flag
        })
        .map(|(_, a)| a.as_str());
    match sub {
        Some("worker") => {}
        Some("beat") => {
            return Outcome::Ignored("`celery beat` schedules tasks and runs none".into());
        }
        Some(other) => return Outcome::Ignored(format!("`celery {other}` runs no tasks")),
        None => return Outcome::Unknown,
    }
    let server = "celery worker".to_string();
    let started = |workers| {
        Outcome::Started(Started {
            server: server.clone(),
            runtime: Runtime::Python,
            workers,
            entry: None,
            modules: Vec::new(),
        })
    };
    // Thread-like pools run every task in one process: its pools are shared.
    if let Some(pool) = flag(args, &["-P", "--pool"])
        && matches!(pool.as_str(), "solo" | "threads" | "gevent" | "eventlet")
    {
        return started(
            Count::written(1, cx.at.clone()).via(&format!("--pool {pool}: one process")),
        );
    }
    if let Some(a) = flag(args, &["--autoscale"]) {
        let max = a.split(',').next().unwrap_or("");
        if let Some(c) = resolve(max, cx) {
            return started(c.via("--autoscale maximum"));
        }
    }
    if let Some(c) = flag(args, &["-c", "--concurrency"]).and_then(|c| resolve(&c, cx)) {
        return started(c);
    }
    if let Some((v, at)) = cx.env.get("CELERY_WORKER_CONCURRENCY")
        && let Ok(n) = v.trim().parse::<u64>()
    {
        return started(Count::written(n.max(1), at.clone()).via("CELERY_WORKER_CONCURRENCY"));
    }
    let app = flag(args, &["-A", "--app"]);
    if let Some(c) = conf::celery_concurrency(cx.dir, app.as_deref()) {
        return started(c);
    }
    started(Count::cpus(
        cx.cpus,
        "Celery's default concurrency: one prefork child per CPU",
    ))
}

fn pm2(args: &[String], cx: &Cx<'_>) -> Outcome {
    let target = args
        .iter()
        .skip_while(|a| a.as_str() != "start")
        .nth(1)
        .or_else(|| args.iter().find(|a| !a.starts_with('-')));
    let Some(target) = target else {
        return Outcome::Unknown;
    };
    if target.contains("ecosystem") || target.ends_with(".json") || target.ends_with(".config.js") {
        let path = super::locate(cx.dir, target);
        return match conf::pm2_instances(&path, cx.cpus) {
            Some(w) => Outcome::Started(Started {
                server: "pm2".into(),
                runtime: Runtime::Node,
                workers: w,
                entry: None,
                modules: Vec::new(),
            }),
            None => Outcome::Started(Started {
                server: "pm2".into(),
                runtime: Runtime::Node,
                workers: Count::default_of(1, "pm2's default: one instance"),
                entry: None,
                modules: Vec::new(),
            }),
        };
    }
    let workers = match flag(args, &["-i", "--instances"]) {
        Some(v) => conf::pm2_count(&v, cx.cpus, cx.at.clone()),
        None => Count::default_of(1, "pm2's default: one instance"),
    };
    Outcome::Started(Started {
        server: "pm2".into(),
        runtime: Runtime::Node,
        workers,
        entry: Some(super::locate(cx.dir, target)),
        modules: Vec::new(),
    })
}

/// `npm start`, `npm run serve`, `yarn start`: the script in `package.json`.
fn npm(args: &[String], cx: &Cx<'_>) -> Outcome {
    let script = match args.first().map(String::as_str) {
        Some("start") => "start",
        Some("run") | Some("run-script") => match args.get(1) {
            Some(s) => s.as_str(),
            None => return Outcome::Unknown,
        },
        Some(s) if !s.starts_with('-') && !matches!(s, "install" | "ci" | "build") => s,
        _ => return Outcome::Unknown,
    };
    let Some((cmd, at)) = conf::package_script(cx.dir, script) else {
        return Outcome::Unknown;
    };
    let inner = Cx {
        at: &at,
        depth: cx.depth + 1,
        ..*cx
    };
    read_shell(&cmd, &inner)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn read(cmd: &str, env: &[(&str, &str)]) -> Outcome {
        let at = Origin {
            path: "Procfile".into(),
            line: 1,
            text: cmd.into(),
        };
        let env: Env = env
            .iter()
            .map(|(k, v)| (k.to_string(), (v.to_string(), at.clone())))
            .collect();
        let dir = std::env::temp_dir().join("connlint-no-such-dir");
        read_shell(
            cmd,
            &Cx {
                dir: &dir,
                env: &env,
                at: &at,
                cpus: 2,
                depth: 0,
            },
        )
    }

    fn workers(cmd: &str, env: &[(&str, &str)]) -> (String, u64) {
        match read(cmd, env) {
            Outcome::Started(s) => (s.server, s.workers.value),
            other => panic!("{cmd}: {other:?}"),
        }
    }

    #[test]
    fn reads_worker_flags_through_wrappers() {
        assert_eq!(
            workers("gunicorn -w 4 app:app", &[]),
            ("gunicorn".into(), 4)
        );
        assert_eq!(workers("gunicorn --workers=3 app:app", &[]).1, 3);
        assert_eq!(workers("gunicorn -w4 app:app", &[]).1, 4);
        assert_eq!(
            workers("gunicorn app:app", &[("WEB_CONCURRENCY", "5")]).1,
            5
        );
        assert_eq!(workers("gunicorn app:app", &[]).1, 1);
        assert_eq!(
            workers(
                "sh -c 'alembic upgrade head && exec uvicorn app.main:app --workers 4'",
                &[]
            ),
            ("uvicorn".into(), 4)
        );
        assert_eq!(workers("uvicorn app:app --reload --workers 4", &[]).1, 1);
        assert_eq!(
            workers(
                "poetry run python -m uvicorn app:app",
                &[("WEB_CONCURRENCY", "3")]
            )
            .1,
            3
        );
        assert_eq!(workers("gunicorn -w ${WORKERS:-6} app:app", &[]).1, 6);
        assert_eq!(
            workers("gunicorn -w $WORKERS app:app", &[("WORKERS", "7")]).1,
            7
        );
        assert_eq!(
            workers("celery -A proj worker -c 8 -l info", &[]),
            ("celery worker".into(), 8)
        );
        assert_eq!(workers("celery -A proj worker --concurrency=3", &[]).1, 3);
        assert_eq!(workers("celery -A proj worker --autoscale=10,3", &[]).1, 10);
        assert_eq!(workers("celery -A proj worker -P gevent -c 100", &[]).1, 1);
        // Celery's default is one child per CPU (2 here).
        assert_eq!(workers("celery -A proj worker", &[]).1, 2);
        assert_eq!(
            workers("pm2-runtime start server.js -i 4", &[]),
            ("pm2".into(), 4)
        );
        assert_eq!(workers("pm2 start server.js -i max", &[]).1, 2);
        assert_eq!(workers("hypercorn app:app -w 3", &[]).1, 3);
        assert_eq!(
            workers("fastapi run --workers 4 app/main.py", &[]),
            ("fastapi run".into(), 4)
        );
        assert_eq!(workers("fastapi run --workers=${N:-3}", &[]).1, 3);
        assert_eq!(
            workers("fastapi run app/main.py", &[("WEB_CONCURRENCY", "6")]).1,
            1
        );
        assert_eq!(
            workers("fastapi dev --workers 4", &[]),
            ("fastapi dev".into(), 1)
        );
        assert_eq!(workers("node dist/server.js", &[]), ("node".into(), 1));
    }

    #[test]
    fn ignores_what_holds_no_pool() {
        assert!(matches!(
            read("celery -A proj beat -l info", &[]),
            Outcome::Ignored(_)
        ));
        assert!(matches!(
            read("redis-server --save 60 1", &[]),
            Outcome::Ignored(_)
        ));
        assert!(matches!(
            read("postgres -c max_connections=200", &[]),
            Outcome::Ignored(_)
        ));
        assert!(matches!(read("echo hello", &[]), Outcome::Unknown));
    }
}
