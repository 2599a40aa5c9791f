"""TFTP server for PXE: static bootloaders from /srv/tftp, per-host
pxelinux.cfg/01-<mac> files rendered on the fly from the inventory.

tftpy calls ``render`` for every read request whose file does not exist
on disk, i.e. for every PXE boot of every machine on the provisioning VLAN.
"""
import io
import logging
import os
import re

import redis
import tftpy
from jinja2 import Environment, FileSystemLoader

import bootlog
import inventory

log = logging.getLogger("pxe")

TFTP_ROOT = os.environ.get("TFTP_ROOT", "/srv/tftp")
MAX_BOOTS_PER_HOUR = 6
MAC_FILE = re.compile(r"^pxelinux\.cfg/01-((?:[0-9a-f]{2}-){5}[0-9a-f]{2})$")

templates = Environment(loader=FileSystemLoader(os.path.join(os.path.dirname(__file__), "templates")))


def render(file_to_transfer, raddress=None, rport=None, **_):
    match = MAC_FILE.match(file_to_transfer.lstrip("/").lower())
    if not match:
        return None  # tftpy answers "file not found"
    mac = match.group(1).replace("-", ":")

    limiter = redis.Redis(host=os.environ.get("REDIS_HOST", "127.0.0.1"), port=6379, db=2)
    boots = limiter.incr(f"pxe:boots:{mac}")
    if boots == 1:
        limiter.expire(f"pxe:boots:{mac}", 3600)
    if boots > MAX_BOOTS_PER_HOUR:
        log.warning("%s is boot-looping (%d boots/h), serving local boot", mac, boots)
        body = templates.get_template("localboot.cfg.j2").render()
        return io.BytesIO(body.encode())

    host = inventory.host_by_mac(mac)
    if host is None:
        log.info("unknown or not-provisionable MAC %s from %s", mac, raddress)
        return None

    body = templates.get_template(f"{host['os_image']}.cfg.j2").render(host=host, mac=mac)
    bootlog.record_boot(mac, raddress, file_to_transfer)
    log.info("served %s for %s (%s)", file_to_transfer, host["hostname"], raddress)
    return io.BytesIO(body.encode())


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    server = tftpy.TftpServer(TFTP_ROOT, dyn_file_func=render)
    server.listen(os.environ.get("TFTP_LISTEN", "0.0.0.0"), 69)


if __name__ == "__main__":
    main()
