use std::any::Any;
use std::net::Ipv4Addr;
use std::sync::Arc;

use datafusion::arrow::array::{Array, AsArray, StringBuilder};
use datafusion::arrow::datatypes::DataType;
use datafusion::error::{DataFusionError, Result};
use datafusion::logical_expr::{ColumnarValue, ScalarUDFImpl, Signature, Volatility};

/// `geo_region(client_ip)`: maps an IPv4 address to a sales region using the
/// /16 prefix table that the geo team keeps in Redis (hash `geo:prefix16`).
#[derive(Debug)]
pub struct GeoRegion {
    signature: Signature,
    redis_url: String,
}

impl GeoRegion {
    pub fn new(redis_url: String) -> Self {
        Self {
            signature: Signature::exact(vec![DataType::Utf8], Volatility::Stable),
            redis_url,
        }
    }
}

fn prefix16(ip: &str) -> Option<String> {
    let addr: Ipv4Addr = ip.parse().ok()?;
    let [a, b, _, _] = addr.octets();
    Some(format!("{a}.{b}"))
}

fn external(e: redis::RedisError) -> DataFusionError {
    DataFusionError::External(Box::new(e))
}

impl ScalarUDFImpl for GeoRegion {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn name(&self) -> &str {
        "geo_region"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Utf8)
    }

    fn invoke(&self, args: &[ColumnarValue]) -> Result<ColumnarValue> {
        let arrays = ColumnarValue::values_to_arrays(args)?;
        let ips = arrays[0].as_string::<i32>();

        let prefixes: Vec<Option<String>> = ips.iter().map(|ip| ip.and_then(prefix16)).collect();
        let keys: Vec<&str> = prefixes.iter().flatten().map(String::as_str).collect();

        let mut regions: Vec<Option<String>> = Vec::new();
        if !keys.is_empty() {
            let client = redis::Client::open(self.redis_url.as_str()).map_err(external)?;
            let mut con = client.get_connection().map_err(external)?;
            regions = redis::cmd("HMGET")
                .arg("geo:prefix16")
                .arg(&keys)
                .query(&mut con)
                .map_err(external)?;
        }

        let mut looked_up = regions.into_iter();
        let mut out = StringBuilder::with_capacity(ips.len(), ips.len() * 8);
        for prefix in &prefixes {
            match prefix {
                Some(_) => match looked_up.next().flatten() {
                    Some(region) => out.append_value(region),
                    None => out.append_value("unknown"),
                },
                None => out.append_null(),
            }
        }

        let array = out.finish();
        debug_assert_eq!(array.len(), ips.len());
        Ok(ColumnarValue::Array(Arc::new(array)))
    }
}
