//! Whether a shared client may stand in for a local construction: the options it would drop
//! (pool tuning only) and those it may differ in.

use super::*;

/// What replacing the construction by the shared client would drop: `Some([])` when it
/// configures nothing but where to connect (`new PrismaClient()`, `create_engine(URL)`,
/// `new Pool({ connectionString })`), `Some(["max"])` for pool tuning only (the catalogue's tuning options and pool keys: the shared
/// client's own settings apply instead), `None` when it sets anything else (a statement timeout,
/// `ssl`, a schema) or more than a URL positionally.
pub fn dropped_options(catalog: &Catalog, ctor_text: &str) -> Option<Vec<String>> {
    options_within(ctor_text, &catalog.tuning_keys())
}

/// May the shared client (`export`) stand in for others: it sets nothing but its URL, pool
/// tuning and logging?
pub fn substitutable(cx: &ProjectCx<'_>, export: &SharedExport) -> bool {
    let Some(f) = cx.files.get(export.file) else {
        return false;
    };
    let Some(k) = f.facts.clients.get(export.client) else {
        return false;
    };
    // Pool tuning, and what only shows in its logs or secures its connection to the same
    // server (the catalogue's `shared_benign_options`).
    let mut keys = cx.catalog.tuning_keys();
    keys.extend(
        cx.catalog
            .db
            .shared_benign_options
            .iter()
            .map(String::as_str),
    );
    let text = f.source.text.as_ref();
    let ctor = f.source.slice(k.span);
    // `new MongoClient(uri, options)` with `const options = { maxPoolSize: 5 };`: the options
    // object as written where it is declared.
    let resolved = ctor
        .find('(')
        .zip(ctor.rfind(')'))
        .and_then(|(open, close)| {
            let args = split_top(ctor.get(open + 1..close)?);
            let mut parts = Vec::new();
            for (i, a) in args.iter().enumerate() {
                let ident = i > 0
                    && a.chars()
                        .all(|ch| ch.is_alphanumeric() || ch == '_' || ch == '$');
                if !ident {
                    parts.push(a.clone());
                    continue;
                }
                let decl = ["const ", "let ", "var "].iter().find_map(|kw| {
                    text.find(&format!("{kw}{a} = {{"))
                        .map(|at| at + kw.len() + a.len() + 3)
                })?;
                let body = &text[decl..];
                let mut depth = 0i32;
                let end = body.char_indices().find_map(|(j, ch)| {
                    match ch {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                return Some(j + 1);
                            }
                        }
                        _ => {}
                    }
                    None
                })?;
                parts.push(body[..end].to_string());
            }
            Some(format!("x({})", parts.join(", ")))
        });
    match resolved {
        Some(call) => options_within(&call, &keys).is_some(),
        None => options_within(ctor, &keys).is_some(),
    }
}

/// The keys of `keys` the construction sets (`None` when it sets anything else but its URL).
pub(super) fn options_within(ctor_text: &str, keys: &[&str]) -> Option<Vec<String>> {
    let open = ctor_text.find('(')?;
    let close = ctor_text.rfind(')')?;
    if close < open {
        return None;
    }
    let args = split_top(&ctor_text[open + 1..close]);
    let mut dropped = Vec::new();
    let mut tuning = |key: &str| {
        let key = key.trim().trim_matches(['"', '\'']);
        if keys.contains(&key) {
            dropped.push(key.to_string());
            true
        } else {
            matches!(key, "connectionString" | "uri" | "url" | "datasourceUrl")
        }
    };
    for (i, arg) in args.iter().enumerate() {
        let ok = if let Some(obj) = arg.strip_prefix('{').and_then(|o| o.strip_suffix('}')) {
            // `{ connectionString: url, max: 20 }` (the URL, or the options after it).
            split_top(obj).iter().all(|kv| match kv.split_once(':') {
                Some((k, _)) => tuning(k),
                None => false,
            })
        } else if let Some((k, _)) = arg.split_once('=').filter(|(k, v)| {
            !v.starts_with('=') && k.trim().chars().all(|ch| ch.is_alphanumeric() || ch == '_')
        }) {
            // Python keywords: `pool_size=20`.
            tuning(k)
        } else {
            // One positional: the URL.
            i == 0
        };
        if !ok {
            return None;
        }
    }
    Some(dropped)
}

/// The top-level comma-separated parts of `s` (brackets, braces, parentheses and quotes nest).
pub(super) fn split_top(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut cur = String::new();
    for ch in s.chars() {
        match quote {
            Some(q) if ch == q => quote = None,
            Some(_) => {}
            None => match ch {
                '"' | '\'' | '`' => quote = Some(ch),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(std::mem::take(&mut cur));
                    continue;
                }
                _ => {}
            },
        }
        cur.push(ch);
    }
    parts.push(cur);
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}
