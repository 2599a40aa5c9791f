#!/usr/bin/env python3
"""PowerDNS pipe backend (ABI 1) answering geo-steered records.

pdns_server starts one copy of this per distributor thread and writes one
tab-separated line per question on stdin for as long as it runs.
"""
import sys

import db
import geo


def reply(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> None:
    hello = sys.stdin.readline().rstrip("\n").split("\t")
    if hello != ["HELO", "1"]:
        reply("FAIL")
        sys.stdin.readline()
        return
    conn = db.connect()
    reply("OK\tacme geo backend")

    for raw in sys.stdin:
        fields = raw.rstrip("\n").split("\t")
        kind = fields[0]
        if kind == "Q" and len(fields) == 6:
            _, qname, qclass, qtype, qid, remote_ip = fields
            region = geo.region_of(remote_ip)
            for rtype, ttl, content in db.answers_for(conn, qname.lower(), qtype, region):
                reply(f"DATA\t{qname}\t{qclass}\t{rtype}\t{ttl}\t{qid}\t{content}")
            reply("END")
        elif kind == "AXFR":
            reply("END")
        else:
            reply("FAIL")


if __name__ == "__main__":
    main()
