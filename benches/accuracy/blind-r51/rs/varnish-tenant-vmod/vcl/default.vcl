vcl 4.1;

import tenant;

backend origin {
    .host = "127.0.0.1";
    .port = "8080";
}

sub vcl_recv {
    set req.http.X-Tenant = tenant.lookup(req.http.host);
    if (req.http.X-Tenant == "") {
        return (synth(404, "Unknown site"));
    }

    if (tenant.over_quota(req.http.X-Tenant, 600)) {
        return (synth(429, "Too Many Requests"));
    }

    if (req.method == "BAN") {
        if (!req.http.X-Ban-Pattern) {
            return (synth(400, "X-Ban-Pattern required"));
        }
        ban("obj.http.X-Tenant == " + req.http.X-Tenant +
            " && obj.http.X-Url ~ " + req.http.X-Ban-Pattern);
        tenant.report_ban(req.http.X-Tenant, req.http.X-Ban-Pattern);
        return (synth(200, "Banned"));
    }
}

sub vcl_backend_response {
    set beresp.http.X-Tenant = bereq.http.X-Tenant;
    set beresp.http.X-Url = bereq.url;
}
