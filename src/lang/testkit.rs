//! What the front-ends' unit tests share: reading a client's options and URL from the facts.
#![allow(clippy::panic)]

use crate::facts::{ClientConfig, FileFacts, OptValue, UrlRef};

/// The config of client `i`, by the client's index.
pub(crate) fn config(f: &FileFacts, i: usize) -> &ClientConfig {
    f.client_config(i)
        .unwrap_or_else(|| panic!("no config for client {i}: {:#?}", f.client_configs))
}

/// The value of option `key`.
pub(crate) fn opt<'c>(c: &'c ClientConfig, key: &str) -> &'c OptValue {
    &c.option(key)
        .unwrap_or_else(|| panic!("no option {key}: {:#?}", c.options))
        .value
}

/// The environment variable the URL comes from.
pub(crate) fn env_name(c: &ClientConfig) -> Option<&str> {
    c.url.as_ref().and_then(UrlRef::env_name)
}

/// The URL written as a literal.
pub(crate) fn literal_url(c: &ClientConfig) -> Option<&str> {
    c.url.as_ref().and_then(UrlRef::literal).map(|(t, _)| t)
}
