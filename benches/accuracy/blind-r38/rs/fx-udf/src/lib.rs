//! Loaded into the reporting MariaDB server:
//!
//! ```sql
//! CREATE FUNCTION fx_convert RETURNS real SONAME 'libfx_udf.so';
//! CREATE FUNCTION iban_bank RETURNS string SONAME 'libfx_udf.so';
//!
//! SELECT order_id, fx_convert(total, currency, 'EUR') FROM orders WHERE ...;
//! ```

mod rates;

use std::sync::LazyLock;
use std::time::Duration;

use udf::prelude::*;

/// Per-statement state for `fx_convert(amount, from_ccy, to_ccy)`.
struct FxConvert {
    cache: redis::Connection,
}

#[register]
impl BasicUdf for FxConvert {
    type Returns<'a> = Option<f64>
    where
        Self: 'a;

    fn init(cfg: &UdfCfg<Init>, args: &ArgList<Init>) -> Result<Self, String> {
        if args.len() != 3 {
            return Err(format!("fx_convert expects 3 arguments, got {}", args.len()));
        }
        args.get(0).unwrap().set_type_coercion(SqlType::Real);
        args.get(1).unwrap().set_type_coercion(SqlType::String);
        args.get(2).unwrap().set_type_coercion(SqlType::String);
        cfg.set_maybe_null(true);

        let client = redis::Client::open(rates::redis_url()).map_err(|e| e.to_string())?;
        let cache = client.get_connection().map_err(|e| e.to_string())?;
        Ok(Self { cache })
    }

    fn process<'a>(
        &'a mut self,
        _cfg: &UdfCfg<Process>,
        args: &ArgList<Process>,
        _error: Option<NonZeroU8>,
    ) -> Result<Self::Returns<'a>, ProcessError> {
        let amount = args.get(0).unwrap().value();
        let from = args.get(1).unwrap().value();
        let to = args.get(2).unwrap().value();
        let (Some(amount), Some(from), Some(to)) = (amount.as_real(), from.as_string(), to.as_string()) else {
            return Ok(None);
        };
        if from.eq_ignore_ascii_case(to) {
            return Ok(Some(amount));
        }

        let rate = match rates::cached(&mut self.cache, from, to) {
            Some(rate) => rate,
            None => {
                let http = reqwest::blocking::Client::builder()
                    .timeout(Duration::from_secs(3))
                    .build()
                    .map_err(|_| ProcessError)?;
                let rate = rates::fetch(&http, from, to).map_err(|_| ProcessError)?;
                rates::store(&mut self.cache, from, to, rate);
                rate
            }
        };
        Ok(Some((amount * rate * 100.0).round() / 100.0))
    }
}

static BANK_DIRECTORY: LazyLock<reqwest::blocking::Client> = LazyLock::new(|| {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()
        .expect("reqwest client")
});

/// `iban_bank(iban)` returns the BIC/bank name from the internal directory service.
struct IbanBank {
    out: String,
}

#[register]
impl BasicUdf for IbanBank {
    type Returns<'a> = Option<&'a str>
    where
        Self: 'a;

    fn init(cfg: &UdfCfg<Init>, args: &ArgList<Init>) -> Result<Self, String> {
        if args.len() != 1 {
            return Err("iban_bank expects 1 argument".into());
        }
        args.get(0).unwrap().set_type_coercion(SqlType::String);
        cfg.set_maybe_null(true);
        cfg.set_max_len(128);
        Ok(Self { out: String::new() })
    }

    fn process<'a>(
        &'a mut self,
        _cfg: &UdfCfg<Process>,
        args: &ArgList<Process>,
        _error: Option<NonZeroU8>,
    ) -> Result<Self::Returns<'a>, ProcessError> {
        let arg = args.get(0).unwrap().value();
        let Some(iban) = arg.as_string() else { return Ok(None) };
        let country_and_bank: String = iban.chars().filter(|c| !c.is_whitespace()).take(8).collect();
        let url = format!("{}/banks/{country_and_bank}", rates::directory_url());
        match BANK_DIRECTORY.get(url).send().and_then(|r| r.error_for_status()) {
            Ok(resp) => {
                self.out = resp.text().map_err(|_| ProcessError)?;
                Ok(Some(self.out.as_str()))
            }
            Err(_) => Ok(None),
        }
    }
}
