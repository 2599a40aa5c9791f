#!/usr/bin/env python3
"""Campus Wi-Fi RADIUS server: PAP auth against MySQL, VLAN assignment, accounting."""

import logging
import os

from passlib.hash import sha512_crypt
from pyrad import dictionary, packet, server

import db
import lockout

log = logging.getLogger("radius")

GROUP_VLANS = {"staff": 110, "students": 120, "guests": 130}


class CampusRadius(server.Server):
    def HandleAuthPacket(self, pkt):
        username = pkt["User-Name"][0]
        password = pkt.PwDecrypt(pkt["User-Password"][0])
        nas_ip = pkt["NAS-IP-Address"][0] if "NAS-IP-Address" in pkt else pkt.source[0]

        if lockout.is_locked_out(username, nas_ip):
            self._reject(pkt, "Too many failed attempts, try again later")
            return

        cnx = db.auth_pool.get_connection()
        cur = cnx.cursor(dictionary=True)
        cur.execute(
            "SELECT value AS password_hash, enabled FROM radcheck "
            "WHERE username = %s AND attribute = 'Crypt-Password'",
            (username,),
        )
        user = cur.fetchone()
        cur.close()
        if user is None or not user["enabled"]:
            log.info("reject %s from %s: unknown or disabled", username, nas_ip)
            self._reject(pkt, "Unknown user")
            return

        groups = db.user_groups(cnx, username)
        cnx.close()

        if not sha512_crypt.verify(password, user["password_hash"]):
            lockout.note_failure(username, nas_ip)
            self._reject(pkt, "Invalid credentials")
            return

        lockout.clear(username, nas_ip)
        vlan = next((GROUP_VLANS[g] for g in groups if g in GROUP_VLANS), GROUP_VLANS["guests"])
        reply = self.CreateReplyPacket(
            pkt,
            **{
                "Tunnel-Type": "VLAN",
                "Tunnel-Medium-Type": "IEEE-802",
                "Tunnel-Private-Group-Id": str(vlan),
                "Session-Timeout": 28800,
            },
        )
        reply.code = packet.AccessAccept
        self.SendReplyPacket(pkt.fd, reply)

    def HandleAcctPacket(self, pkt):
        status = pkt["Acct-Status-Type"][0]
        cnx = db.accounting_connection()
        try:
            cur = cnx.cursor()
            cur.execute(
                "INSERT INTO radacct_events (session_id, username, nas_ip, status, "
                "input_octets, output_octets) VALUES (%s, %s, %s, %s, %s, %s)",
                (
                    pkt["Acct-Session-Id"][0],
                    pkt["User-Name"][0],
                    pkt.source[0],
                    status,
                    pkt["Acct-Input-Octets"][0] if "Acct-Input-Octets" in pkt else 0,
                    pkt["Acct-Output-Octets"][0] if "Acct-Output-Octets" in pkt else 0,
                ),
            )
            cur.close()
        finally:
            cnx.close()

        reply = self.CreateReplyPacket(pkt)
        self.SendReplyPacket(pkt.fd, reply)

    def _reject(self, pkt, message):
        reply = self.CreateReplyPacket(pkt, **{"Reply-Message": message})
        reply.code = packet.AccessReject
        self.SendReplyPacket(pkt.fd, reply)


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    srv = CampusRadius(dict=dictionary.Dictionary("dictionary"), coa_enabled=False)
    secret = os.environ["RADIUS_SECRET"].encode()
    for nas in os.environ.get("RADIUS_CLIENTS", "10.20.0.2,10.20.0.3").split(","):
        srv.hosts[nas] = server.RemoteHost(nas, secret, f"wlc-{nas}")
    srv.BindToAddress("0.0.0.0")
    log.info("listening on 1812/1813")
    srv.Run()


if __name__ == "__main__":
    main()
