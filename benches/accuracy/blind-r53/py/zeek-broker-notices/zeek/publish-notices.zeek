@load base/frameworks/notice
@load base/protocols/ssl

module NoticeBridge;

export {
    global notice_seen: event(note: string, src: addr, dst: addr, msg: string, ts: time);
    global cert_seen: event(host: addr, subject: string, issuer: string, not_after: time);
}

event zeek_init()
    {
    Broker::listen("127.0.0.1", 9999/tcp);
    Broker::auto_publish("/soc/notices", NoticeBridge::notice_seen);
    Broker::auto_publish("/soc/certs", NoticeBridge::cert_seen);
    }

hook Notice::policy(n: Notice::Info)
    {
    if ( n?$src && n?$dst )
        event NoticeBridge::notice_seen(cat(n$note), n$src, n$dst, n$msg, n$ts);
    }

event ssl_established(c: connection)
    {
    if ( ! c$ssl?$cert_chain || |c$ssl$cert_chain| == 0 )
        return;
    local cert = c$ssl$cert_chain[0]$x509$certificate;
    event NoticeBridge::cert_seen(c$id$resp_h, cert$subject, cert$issuer, cert$not_valid_after);
    }
