//! `checked_sql!("SELECT ...")` expands to the literal itself, after asking the
//! development database to PREPARE it. Set `SQLCHECK_OFFLINE=1` to skip the check.

mod checker;

use proc_macro::TokenStream;
use quote::quote;
use syn::{parse_macro_input, LitStr};

#[proc_macro]
pub fn checked_sql(input: TokenStream) -> TokenStream {
    let lit = parse_macro_input!(input as LitStr);
    let sql = lit.value();

    if std::env::var_os("SQLCHECK_OFFLINE").is_none() {
        if let Err(msg) = checker::describe(&sql) {
            return syn::Error::new(lit.span(), msg).to_compile_error().into();
        }
    }

    quote!(#lit).into()
}

#[proc_macro]
pub fn checked_sql_params(input: TokenStream) -> TokenStream {
    let lit = parse_macro_input!(input as LitStr);
    let sql = lit.value();

    let count = if std::env::var_os("SQLCHECK_OFFLINE").is_some() {
        0usize
    } else {
        match checker::param_count(&sql) {
            Ok(n) => n,
            Err(msg) => return syn::Error::new(lit.span(), msg).to_compile_error().into(),
        }
    };

    quote!((#lit, #count)).into()
}
