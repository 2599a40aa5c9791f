//! Module keys: how files name each other across imports, normalised so that the project pass
//! can match a call in one file with a function defined in another without knowing languages.
//!
//! A module key is a path relative to the project root, with `/`, without extension:
//! `src/lib/db.ts` → `src/lib/db`, `app/db/__init__.py` → `app/db`, `src/db/mod.rs` → `src/db`.

use crate::facts::ModuleRef;
use crate::source::Lang;

/// The keys of the file at `rel` (relative to its project root).
pub fn module_keys(rel: &str, lang: Lang) -> Vec<String> {
    let stem = match rel.rfind('.') {
        Some(dot) if dot > rel.rfind('/').map(|s| s + 1).unwrap_or(0) => &rel[..dot],
        _ => rel,
    };
    let (dir, name) = match stem.rfind('/') {
        Some(i) => (&stem[..i], &stem[i + 1..]),
        None => ("", stem),
    };
    let mut keys = vec![stem.to_string()];
    let dir_is_module = match lang {
        Lang::Ts | Lang::Tsx | Lang::Js => name == "index",
        Lang::Py => name == "__init__",
        Lang::Rs => name == "mod" || name == "main" || name == "lib",
        Lang::Env => false,
    };
    if dir_is_module {
        keys.insert(0, dir.to_string());
    }
    keys
}

/// Collapse `.` and `..` segments; `None` if it climbs above the root.
fn normalise(parts: impl IntoIterator<Item = String>) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    for p in parts {
        match p.as_str() {
            "" | "." => {}
            ".." => {
                out.pop()?;
            }
            _ => out.push(p),
        }
    }
    Some(out.join("/"))
}

fn dir_of(rel: &str) -> &str {
    rel.rfind('/').map(|i| &rel[..i]).unwrap_or("")
}

fn strip_js_ext(spec: &str) -> &str {
    for ext in [
        ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".vue", ".svelte",
    ] {
        if let Some(s) = spec.strip_suffix(ext) {
            return s;
        }
    }
    spec
}

/// TS/JS: the module an import specifier names, or `None` for a package (`pg`, `@prisma/client`).
/// `is_dependency` tells whether a bare specifier is a package of the project.
pub fn js_module(
    from_rel: &str,
    spec: &str,
    aliases: &[(String, Vec<String>)],
    is_dependency: impl Fn(&str) -> bool,
) -> Option<ModuleRef> {
    let spec = strip_js_ext(spec);
    let join = |base: &str, tail: &str| -> Option<String> {
        normalise(base.split('/').chain(tail.split('/')).map(String::from))
    };
    let mut candidates = Vec::new();
    // A tsconfig path alias (`"@spacebar/database*": ["./src/database*"]`): the longest
    // matching pattern, as TypeScript picks it.
    let alias = aliases
        .iter()
        .filter_map(|(pattern, targets)| match pattern.split_once('*') {
            Some((pre, post)) => spec
                .strip_prefix(pre)
                .and_then(|r| r.strip_suffix(post))
                .map(|star| (pre.len() + post.len(), targets, star)),
            None => (pattern == spec).then_some((pattern.len() + 1, targets, "")),
        })
        .max_by_key(|(len, _, _)| *len);
    if let Some((_, targets, star)) = alias {
        for t in targets {
            if let Some(key) = normalise(t.replacen('*', star, 1).split('/').map(String::from)) {
                candidates.push(strip_js_ext(&key).to_string());
            }
        }
    }
    if !candidates.is_empty() {
    } else if spec.starts_with("./") || spec.starts_with("../") || spec == "." || spec == ".." {
        candidates.push(join(dir_of(from_rel), spec)?);
    } else if let Some(rest) = spec
        .strip_prefix("@/")
        .or_else(|| spec.strip_prefix("~/"))
        .or_else(|| spec.strip_prefix("#/"))
    {
        candidates.push(rest.to_string());
        candidates.push(format!("src/{rest}"));
    } else {
        let package = package_name(spec);
        if is_dependency(package) || is_node_builtin(package) {
            return None;
        }
        // A path alias or `baseUrl` import (`lib/db`, `@lib/db`): match by suffix.
        let rest = spec.strip_prefix('@').unwrap_or(spec);
        if !rest.contains('/') {
            return None;
        }
        candidates.push(rest.to_string());
        candidates.push(format!("src/{rest}"));
    }
    // Most hold one or two keys, not the four a first push reserves (imports are many).
    candidates.shrink_to_fit();
    Some(ModuleRef {
        candidates: candidates.into(),
    })
}

/// `@scope/pkg/sub` → `@scope/pkg`; `pkg/sub` → `pkg`.
pub fn package_name(spec: &str) -> &str {
    let mut idx = spec.match_indices('/');
    let cut = if spec.starts_with('@') {
        idx.nth(1).map(|(i, _)| i)
    } else {
        idx.next().map(|(i, _)| i)
    };
    cut.map(|i| &spec[..i]).unwrap_or(spec)
}

fn is_node_builtin(p: &str) -> bool {
    p.starts_with("node:")
        || matches!(
            p,
            "fs" | "path"
                | "http"
                | "https"
                | "crypto"
                | "os"
                | "url"
                | "util"
                | "events"
                | "stream"
                | "child_process"
                | "net"
                | "tls"
                | "zlib"
                | "buffer"
                | "assert"
                | "process"
                | "worker_threads"
                | "dns"
                | "querystring"
        )
}

/// Python: the module of `import a.b` / `from a.b import x` (`level` = number of leading dots
/// of a relative import). Returns candidate keys; `None` for an installed package.
pub fn py_module(
    from_rel: &str,
    module: &str,
    level: usize,
    is_dependency: impl Fn(&str) -> bool,
) -> Option<ModuleRef> {
    let path = module.replace('.', "/");
    if level > 0 {
        let mut base: Vec<String> = dir_of(from_rel)
            .split('/')
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        for _ in 1..level {
            base.pop()?;
        }
        let key = normalise(base.into_iter().chain(path.split('/').map(String::from)))?;
        return Some(ModuleRef {
            candidates: vec![key].into(),
        });
    }
    let top = module.split('.').next().unwrap_or(module);
    if is_dependency(top) || is_py_stdlib(top) {
        return None;
    }
    Some(ModuleRef {
        candidates: vec![path.clone(), format!("src/{path}")].into(),
    })
}

pub(crate) fn is_py_stdlib(m: &str) -> bool {
    matches!(
        m,
        "os" | "sys"
            | "typing"
            | "asyncio"
            | "functools"
            | "contextlib"
            | "json"
            | "re"
            | "logging"
            | "datetime"
            | "collections"
            | "dataclasses"
            | "pathlib"
            | "itertools"
            | "time"
            | "uuid"
            | "enum"
            | "abc"
            | "math"
            | "random"
            | "threading"
            | "subprocess"
            | "sqlite3"
            | "http"
            | "urllib"
            | "io"
            | "__future__"
            | "typing_extensions"
    )
}

/// Rust: the module of a path used in `from_rel` (`crate::db`, `super::db`, `db`), as module
/// segments (without the final item name). Returns candidate keys.
pub fn rs_module(from_rel: &str, segments: &[String]) -> Option<ModuleRef> {
    // The directory holding this file's child modules, and the crate root directory.
    let keys = module_keys(from_rel, Lang::Rs);
    let own = keys.first().cloned().unwrap_or_default();
    let crate_root = crate_root_dir(from_rel);
    let mut segs = segments.iter().peekable();
    let mut base: Vec<String> = match segs.peek().map(|s| s.as_str()) {
        Some("crate") => {
            segs.next();
            split(&crate_root)
        }
        Some("self") => {
            segs.next();
            split(&own)
        }
        Some("super") => {
            let mut b = split(&own);
            while segs.peek().map(|s| s.as_str()) == Some("super") {
                segs.next();
                b.pop()?;
            }
            b
        }
        _ => split(&own),
    };
    base.extend(segs.cloned());
    let key = base.join("/");
    let mut candidates = vec![key];
    // A path that is not `crate::`-anchored may also be relative to the crate root (`use` of a
    // sibling module from main.rs).
    if !matches!(
        segments.first().map(String::as_str),
        Some("crate" | "self" | "super")
    ) {
        let mut alt = split(&crate_root);
        alt.extend(segments.iter().cloned());
        let alt = alt.join("/");
        if !candidates.contains(&alt) {
            candidates.push(alt);
        }
    }
    Some(ModuleRef {
        candidates: candidates.into(),
    })
}

fn split(s: &str) -> Vec<String> {
    s.split('/')
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

/// `src/routes/users.rs` → `src`; `crates/api/src/db.rs` → `crates/api/src`.
fn crate_root_dir(rel: &str) -> String {
    // A binary of its own: `src/bin/tool.rs`, or `src/bin/tool/main.rs` with its modules beside
    // it (`src/bin/tool/db.rs`): `crate::` is `src/bin/tool`.
    if let Some(i) = rel.find("src/bin/")
        && (i == 0 || rel.as_bytes().get(i - 1) == Some(&b'/'))
    {
        let after = &rel[i + "src/bin/".len()..];
        let name = after.split('/').next().unwrap_or(after);
        let name = name.strip_suffix(".rs").unwrap_or(name);
        if !name.is_empty() {
            return format!("{}src/bin/{name}", &rel[..i]);
        }
    }
    match rel.rfind("src/") {
        Some(i) if i == 0 || rel.as_bytes().get(i - 1) == Some(&b'/') => rel[..i + 3].to_string(),
        _ => dir_of(rel).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(module_keys("src/lib/db.ts", Lang::Ts), vec!["src/lib/db"]);
        assert_eq!(
            module_keys("lib/db/index.ts", Lang::Ts),
            vec!["lib/db", "lib/db/index"]
        );
        assert_eq!(
            module_keys("app/db/__init__.py", Lang::Py),
            vec!["app/db", "app/db/__init__"]
        );
        assert_eq!(
            module_keys("src/db/mod.rs", Lang::Rs),
            vec!["src/db", "src/db/mod"]
        );
        assert_eq!(
            module_keys("src/main.rs", Lang::Rs),
            vec!["src", "src/main"]
        );
    }

    #[test]
    fn js_specifiers() {
        let dep = |p: &str| p == "pg" || p == "@prisma/client";
        assert_eq!(js_module("app/api/users/route.ts", "pg", &[], dep), None);
        assert_eq!(js_module("a.ts", "@prisma/client", &[], dep), None);
        let r = js_module("app/api/users/route.ts", "../../../lib/db", &[], dep)
            .map(|m| m.candidates.to_vec());
        assert_eq!(r, Some(vec!["lib/db".to_string()]));
        let r = js_module("app/page.tsx", "@/lib/db", &[], dep).map(|m| m.candidates.to_vec());
        assert_eq!(
            r,
            Some(vec!["lib/db".to_string(), "src/lib/db".to_string()])
        );
        let lib_db = ModuleRef {
            candidates: vec!["lib/db".into()].into(),
        };
        assert!(lib_db.names_any(&["src/lib/db".into()]));
        assert!(!lib_db.names_any(&["src/mylib/db".into()]));
    }

    #[test]
    fn py_modules() {
        let dep = |p: &str| p == "sqlalchemy";
        assert_eq!(py_module("app/main.py", "sqlalchemy.orm", 0, dep), None);
        assert_eq!(
            py_module("app/routers/users.py", "db", 2, dep).map(|m| m.candidates.to_vec()),
            Some(vec!["app/db".into()])
        );
        assert_eq!(
            py_module("app/routers/users.py", "deps", 1, dep).map(|m| m.candidates.to_vec()),
            Some(vec!["app/routers/deps".into()])
        );
        assert_eq!(
            py_module("app/main.py", "app.db", 0, dep).map(|m| m.candidates.to_vec()),
            Some(vec!["app/db".into(), "src/app/db".into()])
        );
    }

    #[test]
    fn rs_modules() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            rs_module("src/main.rs", &s(&["db"])).map(|m| m.candidates.to_vec()),
            Some(vec!["src/db".into()])
        );
        assert_eq!(
            rs_module("src/routes/users.rs", &s(&["crate", "db"])).map(|m| m.candidates.to_vec()),
            Some(vec!["src/db".into()])
        );
        assert_eq!(
            rs_module("src/routes/users.rs", &s(&["super", "db"])).map(|m| m.candidates.to_vec()),
            Some(vec!["src/routes/db".into()])
        );
        // A binary's modules in its own folder: `crate::` is the binary's folder.
        assert_eq!(
            rs_module("src/bin/tool/reports.rs", &s(&["crate", "db"]))
                .map(|m| m.candidates.to_vec()),
            Some(vec!["src/bin/tool/db".into()])
        );
        assert_eq!(
            rs_module("src/bin/tool/main.rs", &s(&["db"])).map(|m| m.candidates.to_vec()),
            Some(vec!["src/bin/tool/db".into()])
        );
    }
}
