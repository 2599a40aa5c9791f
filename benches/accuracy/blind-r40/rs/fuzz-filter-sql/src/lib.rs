//! `status = "open" and total >= 100 or tag ~ "vip"` -> a parameter-free SQL
//! predicate with every literal quoted. Field names are checked against an
//! allow-list so the output can be spliced into a query safely.

use thiserror::Error;

const FIELDS: &[&str] = &["status", "total", "tag", "country", "created_at"];

#[derive(Debug, Error, PartialEq)]
pub enum CompileError {
    #[error("unexpected end of filter")]
    UnexpectedEnd,
    #[error("unknown field {0}")]
    UnknownField(String),
    #[error("unknown operator {0}")]
    UnknownOperator(String),
    #[error("bad literal {0}")]
    BadLiteral(String),
}

pub fn compile(filter: &str) -> Result<String, CompileError> {
    let tokens = tokenize(filter)?;
    let mut out = String::new();
    let mut it = tokens.iter().peekable();
    loop {
        let field = it.next().ok_or(CompileError::UnexpectedEnd)?;
        if !FIELDS.contains(&field.as_str()) {
            return Err(CompileError::UnknownField(field.clone()));
        }
        let op = it.next().ok_or(CompileError::UnexpectedEnd)?;
        let sql_op = match op.as_str() {
            "=" => "=",
            "!=" => "<>",
            ">=" => ">=",
            "<=" => "<=",
            ">" => ">",
            "<" => "<",
            "~" => "ILIKE",
            other => return Err(CompileError::UnknownOperator(other.to_owned())),
        };
        let lit = it.next().ok_or(CompileError::UnexpectedEnd)?;
        out.push_str(&format!("{field} {sql_op} {}", literal(lit, sql_op == "ILIKE")?));
        match it.next().map(String::as_str) {
            None => return Ok(out),
            Some("and") => out.push_str(" AND "),
            Some("or") => out.push_str(" OR "),
            Some(other) => return Err(CompileError::UnknownOperator(other.to_owned())),
        }
    }
}

fn literal(tok: &str, like: bool) -> Result<String, CompileError> {
    if let Some(inner) = tok.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        let escaped = inner.replace('\'', "''");
        return Ok(if like { format!("'%{escaped}%'") } else { format!("'{escaped}'") });
    }
    if tok.parse::<f64>().is_ok_and(f64::is_finite) {
        return Ok(tok.to_owned());
    }
    Err(CompileError::BadLiteral(tok.to_owned()))
}

fn tokenize(s: &str) -> Result<Vec<String>, CompileError> {
    let mut tokens = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            let mut lit = String::from('"');
            chars.next();
            loop {
                match chars.next() {
                    Some('"') => break,
                    Some(ch) => lit.push(ch),
                    None => return Err(CompileError::UnexpectedEnd),
                }
            }
            lit.push('"');
            tokens.push(lit);
        } else {
            let mut tok = String::new();
            while let Some(&ch) = chars.peek() {
                if ch.is_whitespace() || ch == '"' {
                    break;
                }
                tok.push(ch);
                chars.next();
            }
            tokens.push(tok);
        }
    }
    Ok(tokens)
}
