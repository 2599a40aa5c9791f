//! URIs of files, for SARIF's artifact locations and the language server: RFC 3986 path segments
//! (a Next.js `app/[id]/route.ts` is `app/%5Bid%5D/route.ts`; `url::Url` leaves the brackets,
//! which strict parsers reject).

use std::path::Path;

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

/// Characters a path segment must escape (RFC 3986 `pchar` keeps the rest).
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// A `/`-separated relative path as a relative URI reference.
pub fn encode_path(path: &str) -> String {
    path.split('/')
        .map(|seg| utf8_percent_encode(seg, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// The `file://` URI of an absolute path (`None` for a relative one).
pub fn file_uri(path: &Path) -> Option<String> {
    if !path.is_absolute() {
        return None;
    }
    let segments: Vec<String> = path
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(s) => Some(encode_path(&s.to_string_lossy())),
            _ => None,
        })
        .collect();
    let mut uri = format!("file:///{}", segments.join("/"));
    if path.as_os_str().to_string_lossy().ends_with('/') && !uri.ends_with('/') {
        uri.push('/');
    }
    Some(uri)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn brackets_spaces_and_unicode_are_escaped() {
        assert_eq!(encode_path("app/[id]/a b#.ts"), "app/%5Bid%5D/a%20b%23.ts");
        assert_eq!(
            file_uri(Path::new("/tmp/é/[slug]/r.ts")).unwrap(),
            "file:///tmp/%C3%A9/%5Bslug%5D/r.ts"
        );
        assert!(file_uri(Path::new("rel/x.ts")).is_none());
    }
}
