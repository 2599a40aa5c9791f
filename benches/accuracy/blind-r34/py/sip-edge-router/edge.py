"""Kamailio KEMI routing script (app_python3).

Kamailio calls mod_init() once in the main process, child_init() once in
each SIP worker process, and ksr_request_route() for every SIP request the
worker receives.
"""
import KSR as KSR

import fraud
import routing
import store


def mod_init():
    return kamailio()


class kamailio:
    def __init__(self):
        KSR.info("edge router: module loaded\n")

    def child_init(self, rank):
        # one connection pool per SIP worker process
        store.init_pool()
        return 0

    def ksr_request_route(self, msg):
        if KSR.is_OPTIONS():
            KSR.sl.send_reply(200, "Keepalive")
            return 1

        if KSR.is_REGISTER():
            return self.handle_register()

        if KSR.is_INVITE():
            return self.handle_invite()

        KSR.tm.t_relay()
        return 1

    def handle_register(self):
        aor = KSR.pv.get("$tu") or ""
        if not store.is_known_subscriber(aor):
            KSR.sl.send_reply(403, "Forbidden")
            return 1
        KSR.registrar.save("location", 0)
        return 1

    def handle_invite(self):
        caller = KSR.pv.get("$fU") or ""
        callee = KSR.pv.get("$rU") or ""
        source_ip = KSR.pv.get("$si") or ""

        if fraud.too_many_calls(caller, source_ip):
            KSR.sl.send_reply(486, "Busy Here")
            return 1

        gateway = routing.lookup_gateway(callee)
        if gateway is None:
            KSR.sl.send_reply(404, "No Route")
            return 1

        KSR.pv.sets("$du", gateway)
        KSR.tm.t_relay()
        return 1
