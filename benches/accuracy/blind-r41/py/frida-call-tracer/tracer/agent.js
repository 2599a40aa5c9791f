// Injected into the target app: reports every SQLite statement and crypto call.
const sqlitePrepare = Module.findExportByName("libsqlite3.so", "sqlite3_prepare_v2");
Interceptor.attach(sqlitePrepare, {
  onEnter(args) {
    send({ kind: "sql", sql: args[1].readUtf8String(), tid: Process.getCurrentThreadId() });
  },
});

const aesInit = Module.findExportByName("libcrypto.so", "EVP_EncryptInit_ex");
Interceptor.attach(aesInit, {
  onEnter(args) {
    const key = args[3].isNull() ? null : args[3].readByteArray(32);
    send({ kind: "crypto", fn: "EVP_EncryptInit_ex", tid: Process.getCurrentThreadId() }, key);
  },
});

rpc.exports = {
  ping() { return "pong"; },
};
