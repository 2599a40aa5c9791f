//! Load with `enable -f /usr/local/lib/bash/librkv.so rkv`.
//!
//! The deploy scripts call `rkv` thousands of times in loops (one `rkv incr`
//! per host, one `rkv get` per artifact), which is why this is a builtin and
//! not a redis-cli fork. bash creates the `Rkv` value once when the builtin
//! is enabled; every `rkv ...` command line is one `call`.

mod conn;

use bash_builtins::{builtin_metadata, Args, Builtin, BuiltinOptions, Result};
use redis::Commands;

builtin_metadata!(
    name = "rkv",
    create = Rkv::from_env,
    short_doc = "rkv [-t ttl] get|set|incr|del|lock KEY [VALUE]",
    long_doc = "
        Talk to the deploy Redis (RKV_URL, default redis://127.0.0.1/3).

        Options:
          -t TTL  expire the key after TTL seconds (set, lock)
    ",
);

#[derive(BuiltinOptions)]
enum Opt {
    #[opt = 't']
    Ttl(u64),
}

struct Rkv {
    url: String,
    conn: Option<redis::Connection>,
}

impl Rkv {
    fn from_env() -> Rkv {
        Rkv {
            url: conn::url_from_env(),
            conn: None,
        }
    }

    /// The connection is opened on first use and then kept for the life of
    /// the shell; a failed command drops it so the next call reconnects.
    fn connection(&mut self) -> redis::RedisResult<&mut redis::Connection> {
        if self.conn.is_none() {
            self.conn = Some(conn::connect(&self.url)?);
        }
        Ok(self.conn.as_mut().expect("just connected"))
    }

    fn run(&mut self, ttl: Option<u64>, words: &[&str]) -> redis::RedisResult<Option<String>> {
        let con = self.connection()?;
        match words {
            ["get", key] => con.get(*key),
            ["set", key, value] => {
                match ttl {
                    Some(t) => con.set_ex::<_, _, ()>(*key, *value, t)?,
                    None => con.set::<_, _, ()>(*key, *value)?,
                }
                Ok(None)
            }
            ["incr", key] => con.incr::<_, _, i64>(*key, 1).map(|v| Some(v.to_string())),
            ["del", key] => con.del::<_, i64>(*key).map(|n| Some(n.to_string())),
            ["lock", key, owner] => conn::try_lock(con, key, owner, ttl.unwrap_or(300))
                .map(|got| Some(if got { "1" } else { "0" }.to_string())),
            _ => Err((redis::ErrorKind::ClientError, "usage: rkv get|set|incr|del|lock KEY [VALUE]").into()),
        }
    }
}

impl Builtin for Rkv {
    fn call(&mut self, args: &mut Args) -> Result<()> {
        let mut ttl = None;
        for opt in args.options() {
            match opt? {
                Opt::Ttl(t) => ttl = Some(t),
            }
        }
        let words: Vec<&str> = args.string_arguments().collect::<Result<_>>()?;

        match self.run(ttl, &words) {
            Ok(Some(out)) => println!("{out}"),
            Ok(None) => {}
            Err(e) => {
                if e.is_io_error() || e.is_connection_dropped() {
                    self.conn = None;
                }
                eprintln!("rkv: {e}");
                return Err(bash_builtins::Error::ExitCode(1));
            }
        }
        Ok(())
    }
}
