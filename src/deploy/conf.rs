//! Worker counts written in configuration files and entry points: `gunicorn.conf.py`'s
//! `workers`, Celery's `worker_concurrency`, PM2's `instances`, a Node entry point's
//! `cluster.fork()` loop, `package.json` scripts.

use std::collections::BTreeMap;
use std::path::Path;

use super::{Count, Origin, display, read_small};

/// Environment variables visible to a command (Dockerfile `ENV`, Compose `environment`,
/// Kubernetes `env`, assignments in the command itself), with where each was set.
pub type Env = BTreeMap<String, (String, Origin)>;

/// `workers = …` in a gunicorn config file: a number, `int(os.environ.get("WEB_CONCURRENCY", 4))`,
/// `multiprocessing.cpu_count() * 2 + 1`.
pub fn gunicorn_workers(path: &Path, env: &Env, cpus: u64) -> Option<Count> {
    let text = read_small(path)?;
    let (line, expr) = assignment(&text, "workers")?;
    let at = Origin {
        path: display(path),
        line,
        text: format!("workers = {expr}"),
    };
    let v = Expr::new(expr, env, cpus).eval()?;
    let mut c = Count::written(v.value.max(1), at);
    if v.cpus {
        c.note = format!("{cpus} CPUs assumed ([budget] cpus)");
    } else if let Some(var) = v.env {
        c.note = var;
    }
    Some(c)
}

/// The last top-level `name = expr` of a Python file, with its 1-based line.
fn assignment<'t>(text: &'t str, name: &str) -> Option<(u32, &'t str)> {
    let mut found = None;
    for (i, l) in text.lines().enumerate() {
        let Some(rest) = l.strip_prefix(name) else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        if rest.starts_with('=') {
            continue;
        }
        let expr = rest.split('#').next().unwrap_or("").trim();
        if !expr.is_empty() {
            found = Some((u32::try_from(i + 1).unwrap_or(u32::MAX), expr));
        }
    }
    found
}

/// `worker_concurrency = 4` (a Celery config module, `app.conf.worker_concurrency = 4`,
/// `app.conf.update(worker_concurrency=4)`, `CELERY_WORKER_CONCURRENCY = 4` in Django settings)
/// in the app module named by `-A` or in `celeryconfig.py`.
pub fn celery_concurrency(dir: &Path, app: Option<&str>) -> Option<Count> {
    let mut candidates = vec![dir.join("celeryconfig.py")];
    if let Some(app) = app {
        let module = app.split(':').next().unwrap_or(app).replace('.', "/");
        candidates.push(dir.join(format!("{module}.py")));
        candidates.push(dir.join(&module).join("celery.py"));
        candidates.push(dir.join(&module).join("__init__.py"));
        candidates.push(dir.join(&module).join("celeryconfig.py"));
        candidates.push(dir.join(&module).join("settings.py"));
    }
    for path in candidates {
        let Some(text) = read_small(&path) else {
            continue;
        };
        for (i, l) in text.lines().enumerate() {
            let lower = l.to_ascii_lowercase();
            let Some(k) = lower.find("worker_concurrency") else {
                continue;
            };
            let rest = l[k + "worker_concurrency".len()..].trim_start();
            let Some(rest) = rest.strip_prefix('=').or_else(|| rest.strip_prefix(':')) else {
                continue;
            };
            let digits: String = rest
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if let Ok(n) = digits.parse::<u64>() {
                return Some(Count::written(
                    n.max(1),
                    Origin {
                        path: display(&path),
                        line: u32::try_from(i + 1).unwrap_or(u32::MAX),
                        text: l.trim().to_string(),
                    },
                ));
            }
        }
    }
    None
}

/// A Node entry point that forks cluster workers: `for (let i = 0; i < N; i++) cluster.fork()`,
/// or one per CPU (`os.cpus().length`, `availableParallelism()`).
pub fn node_cluster(entry: &Path, cpus: u64) -> Option<Count> {
    let path = [
        entry.to_path_buf(),
        entry.with_extension("js"),
        entry.join("index.js"),
    ]
    .into_iter()
    .find(|p| p.is_file())?;
    let text = read_small(&path)?;
    let (i, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("cluster.fork(") || l.contains("cluster.fork ("))?;
    let at_line = |n: usize, t: &str| Origin {
        path: display(&path),
        line: u32::try_from(n + 1).unwrap_or(u32::MAX),
        text: t.trim().to_string(),
    };
    // The loop bound: the nearest `i < N` above the fork.
    let lines: Vec<&str> = text.lines().collect();
    for back in (i.saturating_sub(5)..=i).rev() {
        let l = lines.get(back).copied().unwrap_or("");
        if let Some(p) = l.find("< ") {
            let bound: String = l[p + 2..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '(' | ')' | '_'))
                .collect();
            if let Ok(n) = bound.parse::<u64>() {
                return Some(Count::written(n.max(1), at_line(back, l)));
            }
            if bound.contains("cpus") || bound.contains("availableParallelism") {
                let mut c = Count::written(cpus, at_line(back, l));
                c.note = format!("one per CPU: {cpus} CPUs assumed ([budget] cpus)");
                return Some(c);
            }
            // A name: a constant defined in the file.
            if let Some(n) = constant(&text, &bound) {
                return Some(Count::written(n.max(1), at_line(back, l)));
            }
        }
    }
    let mut c = Count::written(cpus, at_line(i, line));
    c.note = format!("forks per CPU: {cpus} CPUs assumed ([budget] cpus)");
    Some(c)
}

/// `const NAME = 4`.
fn constant(text: &str, name: &str) -> Option<u64> {
    text.lines().find_map(|l| {
        let l = l.trim_start();
        let rest = l
            .strip_prefix("const ")
            .or_else(|| l.strip_prefix("let "))
            .or_else(|| l.strip_prefix("var "))?;
        let rest = rest.strip_prefix(name)?.trim_start().strip_prefix('=')?;
        let digits: String = rest
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    })
}

/// `instances` of a PM2 ecosystem file: the sum over its apps.
pub fn pm2_instances(path: &Path, cpus: u64) -> Option<Count> {
    let text = read_small(path)?;
    let mut total: Option<Count> = None;
    for (i, l) in text.lines().enumerate() {
        let t = l.trim();
        let Some(p) = t.find("instances") else {
            continue;
        };
        let rest = t[p + "instances".len()..]
            .trim_start()
            .trim_start_matches(['"', '\''])
            .trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let v: String = rest
            .trim()
            .trim_end_matches(',')
            .trim_matches(['"', '\''])
            .to_string();
        let at = Origin {
            path: display(path),
            line: u32::try_from(i + 1).unwrap_or(u32::MAX),
            text: t.to_string(),
        };
        let c = pm2_count(&v, cpus, at);
        total = Some(match total {
            None => c,
            Some(mut sum) => {
                sum.value = sum.value.saturating_add(c.value);
                sum.note = "the sum of its apps' instances".into();
                sum
            }
        });
    }
    total
}

/// PM2's `instances` / `-i`: a number, `max` or `0` (one per CPU), `-1` (CPUs − 1).
pub fn pm2_count(v: &str, cpus: u64, at: Origin) -> Count {
    match v.trim() {
        "max" | "0" => {
            let mut c = Count::written(cpus, at);
            c.note = format!("`max`: one per CPU, {cpus} CPUs assumed ([budget] cpus)");
            c
        }
        n => match n.parse::<i64>() {
            Ok(k) if k < 0 => {
                let value = cpus.saturating_sub(k.unsigned_abs()).max(1);
                let mut c = Count::written(value, at);
                c.note = format!("CPUs {k}: {cpus} CPUs assumed ([budget] cpus)");
                c
            }
            Ok(k) => Count::written(k.unsigned_abs().max(1), at),
            Err(_) => Count::default_of(
                1,
                &format!("`instances: {n}` is not a number connlint can read"),
            ),
        },
    }
}

/// A script of the `package.json` in `dir`, with where it is written.
pub fn package_script(dir: &Path, script: &str) -> Option<(String, Origin)> {
    let path = dir.join("package.json");
    let text = read_small(&path)?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    let cmd = json.get("scripts")?.get(script)?.as_str()?.to_string();
    let needle = format!("\"{script}\"");
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with(&needle))
        .map_or(1, |i| i + 1);
    Some((
        cmd.clone(),
        Origin {
            path: display(&path),
            line: u32::try_from(line).unwrap_or(u32::MAX),
            text: format!("\"{script}\": \"{cmd}\""),
        },
    ))
}

/// A number computed by a small Python expression.
struct Value {
    value: u64,
    /// It depends on the CPU count.
    cpus: bool,
    /// It came from this environment variable (or its default).
    env: Option<String>,
}

/// A tiny evaluator for the expressions gunicorn configs use: integers, `+ - * //`, parentheses,
/// `int(…)`, `max(a, b)`, `min(a, b)`, `os.environ.get("X", d)`, `os.getenv("X", d)`,
/// `multiprocessing.cpu_count()`, `os.cpu_count()`. Anything else is `None`.
struct Expr<'a> {
    s: &'a [u8],
    i: usize,
    env: &'a Env,
    cpus: u64,
    uses_cpus: bool,
    var: Option<String>,
}

impl<'a> Expr<'a> {
    fn new(s: &'a str, env: &'a Env, cpus: u64) -> Self {
        Expr {
            s: s.as_bytes(),
            i: 0,
            env,
            cpus,
            uses_cpus: false,
            var: None,
        }
    }

    fn eval(mut self) -> Option<Value> {
        let v = self.sum()?;
        self.ws();
        if self.i != self.s.len() {
            return None;
        }
        Some(Value {
            value: u64::try_from(v.max(0)).unwrap_or(0),
            cpus: self.uses_cpus,
            env: self.var,
        })
    }

    fn ws(&mut self) {
        while self.s.get(self.i).is_some_and(u8::is_ascii_whitespace) {
            self.i += 1;
        }
    }

    fn eat(&mut self, t: &str) -> bool {
        self.ws();
        if self.s[self.i..].starts_with(t.as_bytes()) {
            self.i += t.len();
            true
        } else {
            false
        }
    }

    fn sum(&mut self) -> Option<i64> {
        let mut v = self.product()?;
        loop {
            if self.eat("+") {
                v = v.saturating_add(self.product()?);
            } else if self.eat("-") {
                v = v.saturating_sub(self.product()?);
            } else {
                return Some(v);
            }
        }
    }

    fn product(&mut self) -> Option<i64> {
        let mut v = self.atom()?;
        loop {
            if self.eat("//") {
                let d = self.atom()?;
                v = v.checked_div(d)?;
            } else if self.eat("*") {
                v = v.saturating_mul(self.atom()?);
            } else {
                return Some(v);
            }
        }
    }

    fn atom(&mut self) -> Option<i64> {
        self.ws();
        if self.eat("(") {
            let v = self.sum()?;
            return self.eat(")").then_some(v);
        }
        let start = self.i;
        while self
            .s
            .get(self.i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'"' | b'\''))
        {
            self.i += 1;
        }
        let word = std::str::from_utf8(&self.s[start..self.i]).ok()?;
        let word = word.trim_matches(['"', '\'']);
        if let Ok(n) = word.parse::<i64>() {
            return Some(n);
        }
        if !self.eat("(") {
            return None;
        }
        let name = word.rsplit('.').next().unwrap_or(word);
        match name {
            "cpu_count" => {
                self.eat(")").then_some(())?;
                self.uses_cpus = true;
                i64::try_from(self.cpus).ok()
            }
            "int" => {
                let v = self.sum()?;
                self.eat(")").then_some(v)
            }
            "max" | "min" => {
                let a = self.sum()?;
                self.eat(",").then_some(())?;
                let b = self.sum()?;
                self.eat(")").then_some(())?;
                Some(if name == "max" { a.max(b) } else { a.min(b) })
            }
            "get" | "getenv" if word.contains("environ") || word.contains("getenv") => {
                self.ws();
                let q = *self.s.get(self.i)?;
                if q != b'"' && q != b'\'' {
                    return None;
                }
                let rest = &self.s[self.i + 1..];
                let len = rest.iter().position(|b| *b == q)?;
                let var = std::str::from_utf8(&rest[..len]).ok()?.to_string();
                self.i += len + 2;
                let fallback = if self.eat(",") {
                    Some(self.sum()?)
                } else {
                    None
                };
                self.eat(")").then_some(())?;
                let set = self
                    .env
                    .get(&var)
                    .and_then(|(v, _)| v.trim().parse::<i64>().ok());
                self.var = Some(match set {
                    Some(_) => var.clone(),
                    None => format!("{var} unset"),
                });
                set.or(fallback)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn eval(s: &str, env: &[(&str, &str)]) -> Option<u64> {
        let at = Origin::default();
        let env: Env = env
            .iter()
            .map(|(k, v)| (k.to_string(), (v.to_string(), at.clone())))
            .collect();
        Expr::new(s, &env, 2).eval().map(|v| v.value)
    }

    #[test]
    fn evaluates_gunicorn_worker_expressions() {
        assert_eq!(eval("4", &[]), Some(4));
        assert_eq!(eval("multiprocessing.cpu_count() * 2 + 1", &[]), Some(5));
        assert_eq!(
            eval("int(os.environ.get(\"WEB_CONCURRENCY\", 3))", &[]),
            Some(3)
        );
        assert_eq!(
            eval(
                "int(os.environ.get('WEB_CONCURRENCY', '3'))",
                &[("WEB_CONCURRENCY", "6")]
            ),
            Some(6)
        );
        assert_eq!(eval("int(os.getenv(\"WORKERS\", \"2\")) * 2", &[]), Some(4));
        assert_eq!(eval("max(2, os.cpu_count() // 2)", &[]), Some(2));
        assert_eq!(eval("settings.WORKERS", &[]), None);
        assert_eq!(eval("4 +", &[]), None);
    }
}
