use chrono::{SecondsFormat, Utc};

use crate::db::DomainRecord;

pub const TERMS: &str = "% Access to .example WHOIS data is provided for information purposes only.\r\n\
% Bulk queries and automated harvesting are prohibited.\r\n\r\n";

pub fn domain(rec: &DomainRecord) -> String {
    let mut out = String::new();
    out.push_str(&format!("Domain Name: {}\r\n", rec.name.to_uppercase()));
    out.push_str(&format!("Registrar: {}\r\n", rec.registrar));
    out.push_str(&format!("Registrar IANA ID: {}\r\n", rec.registrar_iana_id));
    out.push_str(&format!("Updated Date: {}\r\n", rec.updated.to_rfc3339_opts(SecondsFormat::Secs, true)));
    out.push_str(&format!("Creation Date: {}\r\n", rec.created.to_rfc3339_opts(SecondsFormat::Secs, true)));
    out.push_str(&format!(
        "Registry Expiry Date: {}\r\n",
        rec.expires.to_rfc3339_opts(SecondsFormat::Secs, true)
    ));
    for status in &rec.statuses {
        out.push_str(&format!("Domain Status: {status} https://icann.org/epp#{status}\r\n"));
    }
    for ns in &rec.nameservers {
        out.push_str(&format!("Name Server: {}\r\n", ns.to_uppercase()));
    }
    out.push_str(if rec.dnssec { "DNSSEC: signedDelegation\r\n" } else { "DNSSEC: unsigned\r\n" });
    out.push_str(&format!(
        ">>> Last update of WHOIS database: {} <<<\r\n",
        Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
    ));
    out
}

pub fn no_match(query: &str) -> String {
    format!("No match for \"{}\".\r\n", query.to_uppercase())
}
