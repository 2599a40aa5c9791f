//! How deep a text nests, measured in one pass over its bytes before any parser sees it.
//!
//! `syn`'s parser, our visitors over its trees and the trees' `Drop` all recurse once per level
//! of syntax, on a stack of fixed size: a file deep enough aborts the whole process (a stack
//! overflow cannot be caught). So a Rust file is measured first, with an estimate that is never
//! below the depth `syn` reaches, and refused above a limit derived from the workers' stack.
//! tree-sitter's parsers keep their stacks on the heap, and our walks over their trees are
//! iterative; only tree-sitter-python's indentation scanner has a fixed limit (see
//! [`py_indent_depth`]).

/// The stack bytes one level of Rust syntax may take, at worst, through `syn`'s parser, our
/// visitors and the tree's `Drop`, per level that [`rust_depth`] counts. Measured in a release
/// build on 38 shapes (closures, `break`s, unary operators, `else if` chains, method chains,
/// blocks, binary operators, generic, reference and function types, patterns…), each nested
/// until a 256 MiB stack overflowed: the worst, nested generic types, took 5.4 KiB per counted
/// level (most shapes take 2–4 KiB). Twice that, for a margin.
pub const RUST_STACK_PER_LEVEL: usize = 11 * 1024;

/// The deepest Rust nesting a thread with a `stack`-byte stack is given.
pub const fn rust_limit(stack: usize) -> usize {
    stack / RUST_STACK_PER_LEVEL
}

/// Where a Rust text nests deepest: the estimate and its byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deepest {
    pub depth: usize,
    pub offset: usize,
}

/// An upper bound of the recursion depth `syn` reaches on a Rust text, and where.
///
/// Every open bracket is a level; within one bracket, every token that can start or continue a
/// nested construct (an operator, `.`, `?`, `&`, a closure's `|`, `if`, `else`, `move`,
/// `return`, `break`, `as`, `dyn`…) is a level too, until something ends the construct: `;`,
/// `,` or `=>`, or a `}` followed by anything but an operator, `else` or `as` (the next item or
/// statement). Strings, characters and comments are skipped. Counting every operator of a flat
/// `a + b + c` is right: `syn` builds it as a tree as deep as its length.
pub fn rust_depth(text: &str) -> Deepest {
    let b = text.as_bytes();
    // Per open bracket: the count of its current construct.
    let mut counts: Vec<usize> = vec![0];
    let mut total = 0usize;
    let mut deepest = Deepest {
        depth: 0,
        offset: 0,
    };
    let mut after_brace = false;
    let mut after_close = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let start = i;
        let tok = match c {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0c => {
                i += 1;
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = memchr_from(b, b'\n', i).unwrap_or(b.len());
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = skip_block_comment(b, i);
                continue;
            }
            b'"' => {
                i = skip_string(b, i + 1);
                Tok::Neutral
            }
            b'\'' => {
                i = skip_quote(b, i);
                Tok::Neutral
            }
            b'(' | b'[' | b'{' => {
                i += 1;
                Tok::Open
            }
            b')' | b']' | b'}' => {
                i += 1;
                Tok::Close(c == b'}')
            }
            b'0'..=b'9' => {
                i = skip_number(b, i);
                Tok::Neutral
            }
            c if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 => {
                let end = skip_ident(b, i);
                let word = &b[i..end];
                i = end;
                // Raw strings: r"…", r#"…"#, br"…", cr#"…"#.
                if matches!(word, b"r" | b"br" | b"cr")
                    && matches!(b.get(i), Some(b'"') | Some(b'#'))
                {
                    if let Some(end) = skip_raw_string(b, i) {
                        i = end;
                        Tok::Neutral
                    } else {
                        Tok::Neutral
                    }
                } else if matches!(word, b"b" | b"c") && b.get(i) == Some(&b'"') {
                    i = skip_string(b, i + 1);
                    Tok::Neutral
                } else if matches!(word, b"b") && b.get(i) == Some(&b'\'') {
                    i = skip_quote(b, i);
                    Tok::Neutral
                } else {
                    keyword(word)
                }
            }
            _ => {
                let (len, tok) = punct(&b[i..]);
                i += len;
                tok
            }
        };
        // `&&x` is two references.
        let weight = if b[start..i].starts_with(b"&&") { 2 } else { 1 };
        if std::mem::take(&mut after_brace)
            && !matches!(tok, Tok::Continue | Tok::Count | Tok::Open)
            && let Some(top) = counts.last_mut()
        {
            total -= *top;
            *top = 0;
        }
        match tok {
            Tok::Open => {
                // `f(a)(b)`, `x[0][1]`, `{ a }[0]`: a bracket right after one continues a chain.
                if std::mem::take(&mut after_close)
                    && let Some(top) = counts.last_mut()
                {
                    *top += 1;
                    total += 1;
                }
                counts.push(0);
            }
            Tok::Close(brace) => {
                if counts.len() > 1
                    && let Some(top) = counts.pop()
                {
                    total -= top;
                }
                after_brace = brace;
            }
            Tok::Reset => {
                if let Some(top) = counts.last_mut() {
                    total -= *top;
                    *top = 0;
                }
            }
            Tok::Count | Tok::Keyword | Tok::Continue => {
                if let Some(top) = counts.last_mut() {
                    *top += weight;
                    total += weight;
                }
            }
            Tok::Neutral => {}
        }
        after_close = matches!(tok, Tok::Close(_));
        let depth = total + counts.len() - 1;
        if depth > deepest.depth {
            deepest = Deepest {
                depth,
                offset: start,
            };
        }
    }
    deepest
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Open,
    /// A closing bracket; `true` for `}`.
    Close(bool),
    /// Ends the current construct: `;`, `,`, `=>`.
    Reset,
    /// An operator: starts or continues a nested construct, also across a `}`.
    Count,
    /// A keyword that starts a nested construct (`if`, `move`, `return`…); after a `}`, it
    /// starts the next statement.
    Keyword,
    /// Continues the construct across a `}`: `else`, `as`.
    Continue,
    Neutral,
}

fn keyword(word: &[u8]) -> Tok {
    match word {
        b"else" | b"as" => Tok::Continue,
        b"if" | b"match" | b"while" | b"for" | b"loop" | b"move" | b"return" | b"break"
        | b"yield" | b"async" | b"await" | b"unsafe" | b"dyn" | b"impl" | b"let" | b"box"
        | b"static" | b"const" | b"become" | b"try" | b"do" | b"in" | b"ref" | b"mut" => {
            Tok::Keyword
        }
        _ => Tok::Neutral,
    }
}

/// The punctuation at the start of `b`: its length and kind.
fn punct(b: &[u8]) -> (usize, Tok) {
    const LONG: [&[u8]; 22] = [
        b"..=", b"...", b"<<=", b">>=", b"=>", b"::", b"->", b"..", b"&&", b"||", b"==", b"!=",
        b"<=", b">=", b"<<", b">>", b"+=", b"-=", b"*=", b"/=", b"%=", b"^=",
    ];
    for p in LONG {
        if b.starts_with(p) {
            let tok = match p {
                b"=>" => Tok::Reset,
                b"::" => Tok::Neutral,
                _ => Tok::Count,
            };
            return (p.len(), tok);
        }
    }
    for p in [b"&=" as &[u8], b"|="] {
        if b.starts_with(p) {
            return (2, Tok::Count);
        }
    }
    let tok = match b.first() {
        Some(b';' | b',') => Tok::Reset,
        Some(b'#' | b'$' | b':' | b'\\') => Tok::Neutral,
        _ => Tok::Count,
    };
    // One byte, or one whole character for stray non-ASCII punctuation.
    let len = match b.first() {
        Some(&c) if c >= 0x80 => utf8_len(c),
        _ => 1,
    };
    (len.min(b.len()).max(1), tok)
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xf0..=0xff => 4,
        0xe0..=0xef => 3,
        0xc0..=0xdf => 2,
        _ => 1,
    }
}

fn memchr_from(b: &[u8], needle: u8, from: usize) -> Option<usize> {
    b.get(from..)?
        .iter()
        .position(|&c| c == needle)
        .map(|p| p + from)
}

fn skip_ident(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && (b[i] == b'_' || b[i].is_ascii_alphanumeric() || b[i] >= 0x80) {
        i += 1;
    }
    i
}

fn skip_number(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            c if c == b'_' || c.is_ascii_alphanumeric() => i += 1,
            // `1.5`, not `1..2` nor `x.0.f()`.
            b'.' if b.get(i + 1).is_some_and(u8::is_ascii_digit) => i += 1,
            _ => break,
        }
    }
    i
}

/// Past a nested `/* … */` comment that starts at `i`.
fn skip_block_comment(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    b.len()
}

/// Past a string whose opening `"` is just before `i`.
fn skip_string(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// Past `r#…#"…"#…#` whose `#`s or `"` start at `i`; `None` if it is not a raw string.
fn skip_raw_string(b: &[u8], mut i: usize) -> Option<usize> {
    let hashes = b[i..].iter().take_while(|&&c| c == b'#').count();
    i += hashes;
    if b.get(i) != Some(&b'"') {
        return None;
    }
    i += 1;
    while i < b.len() {
        if b[i] == b'"'
            && b.len() >= i + 1 + hashes
            && b[i + 1..i + 1 + hashes].iter().all(|&c| c == b'#')
        {
            return Some(i + 1 + hashes);
        }
        i += 1;
    }
    Some(b.len())
}

/// Past a character literal (`'a'`, `'\n'`, `'\u{1F600}'`) or a lifetime (`'a`) at `i`.
fn skip_quote(b: &[u8], i: usize) -> usize {
    let Some(&next) = b.get(i + 1) else {
        return b.len();
    };
    if next == b'\\' {
        // An escape: up to the closing quote (at most `'\u{10FFFF}'`).
        let limit = (i + 14).min(b.len());
        return memchr_from(&b[..limit], b'\'', i + 3).map_or(i + 2, |p| p + 1);
    }
    let len = utf8_len(next);
    if b.get(i + 1 + len) == Some(&b'\'') {
        return i + 2 + len;
    }
    // A lifetime or a label: the quote and its name.
    skip_ident(b, i + 1)
}

/// The deepest stack of indentation levels of a Python text, as its tokenizer counts them
/// (blank and comment-only lines aside; a tab counts up to the next multiple of 8).
pub fn py_indent_depth(text: &str) -> usize {
    let mut stack: Vec<usize> = vec![0];
    let mut deepest = 0;
    // Bytes: only the ASCII indentation is read, and the byte after it (any other byte, the lead
    // byte of a multi-byte character included, ends the indentation).
    for line in text.as_bytes().split(|b| *b == b'\n' || *b == b'\r') {
        let mut width = 0;
        let mut rest: &[u8] = &[];
        for (i, b) in line.iter().enumerate() {
            match b {
                b' ' => width += 1,
                b'\t' => width = (width / 8 + 1) * 8,
                b'\x0c' => width = 0,
                _ => {
                    rest = &line[i..];
                    break;
                }
            }
        }
        if rest.is_empty() || rest[0] == b'#' {
            continue;
        }
        while stack.last().is_some_and(|top| *top > width) {
            stack.pop();
        }
        if stack.last().is_some_and(|top| *top < width) {
            stack.push(width);
        }
        deepest = deepest.max(stack.len() - 1);
    }
    deepest
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn depth(s: &str) -> usize {
        rust_depth(s).depth
    }

    #[test]
    fn brackets_and_constructs_are_levels() {
        // Three brackets deep, and the body's `{` right after `()` counted as a chain (an
        // estimate: never below, here one above).
        assert_eq!(depth("fn f() { g((1), [2]); }"), 4);
        assert!(depth(&format!("fn f() {{ {}1; }}", "|| ".repeat(1000))) >= 1000);
        assert!(depth(&format!("fn f() {{ {}1; }}", "move || ".repeat(1000))) >= 1000);
        assert!(depth(&format!("fn f() {{ x{}; }}", ".a()".repeat(1000))) >= 1000);
        assert!(depth(&format!("fn f() {{ {}true; }}", "!".repeat(1000))) >= 1000);
        assert!(
            depth(&format!(
                "fn f() {{ loop {{ {} }} }}",
                "break ".repeat(1000)
            )) >= 1000
        );
        let chain = format!("fn f() {{ if a {{}}{} }}", " else if a {}".repeat(1000));
        assert!(depth(&chain) >= 1000);
        assert!(depth(&format!("type T = {}u8;", "&".repeat(1000))) >= 1000);
        assert!(depth(&format!("fn f() {{ {}; }}", ["1"; 1000].join(" + "))) >= 999);
    }

    #[test]
    fn separate_statements_items_and_arms_do_not_add_up() {
        let items = "pub fn f(a: &mut Vec<u8>) -> Result<(), E> where T: A + B { if a < b { x.y()?.z().await } else { w } }\n".repeat(5000);
        assert!(depth(&items) < 30, "{}", depth(&items));
        let arms: String = (0..5000).map(|i| format!("{i} => {{ a + b }} ")).collect();
        assert!(depth(&format!("fn f() {{ match x {{ {arms} }} }}")) < 10);
        let stmts = "let x = a + b * c - d;\n".repeat(10_000);
        assert!(depth(&format!("fn f() {{ {stmts} }}")) < 10);
        let list = format!("const A: [u8; 3] = [{}];", "1, ".repeat(100_000));
        assert!(depth(&list) < 10);
    }

    #[test]
    fn strings_characters_and_comments_are_skipped() {
        let noisy = format!(
            "fn f() {{ let s = \"{0}\"; let r = r#\"\"{0}\"#; let c = '|'; let l: &'a u8 = b'&'; /* {0} /* {0} */ */ // {0}\n }}",
            "||&&!!((([[[".repeat(1000)
        );
        assert!(depth(&noisy) < 10, "{}", depth(&noisy));
    }

    #[test]
    fn the_deepest_place_is_where_it_is() {
        let text = format!("fn f() {{}}\nfn g() {{ {}1; }}", "|| ".repeat(100));
        let d = rust_depth(&text);
        assert!(d.depth >= 100);
        assert!(d.offset > text.find("fn g").unwrap());
    }

    #[test]
    fn python_indentation() {
        assert_eq!(py_indent_depth("a\n  b\n    c\n  d\n# x\n\ne\n"), 2);
    }
}
