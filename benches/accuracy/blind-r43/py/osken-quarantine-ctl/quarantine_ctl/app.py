import logging

import redis
import requests
from os_ken.base import app_manager
from os_ken.controller import ofp_event
from os_ken.controller.handler import (
    CONFIG_DISPATCHER,
    DEAD_DISPATCHER,
    MAIN_DISPATCHER,
    set_ev_cls,
)
from os_ken.lib.packet import ether_types, ethernet, packet
from os_ken.ofproto import ofproto_v1_3
from sqlalchemy import create_engine, text

from quarantine_ctl import settings

LOG = logging.getLogger(__name__)


class QuarantineSwitch(app_manager.OSKenApp):
    OFP_VERSIONS = [ofproto_v1_3.OFP_VERSION]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mac_to_port = {}
        self.datapaths = {}
        # every switch burst of packet-ins may write here, so leave plenty of headroom
        self.engine = create_engine(
            settings.DATABASE_URL,
            pool_size=40,
            max_overflow=20,
            pool_pre_ping=True,
        )

    def add_flow(self, datapath, priority, match, actions, idle_timeout=0):
        ofproto = datapath.ofproto
        parser = datapath.ofproto_parser
        inst = [parser.OFPInstructionActions(ofproto.OFPIT_APPLY_ACTIONS, actions)]
        mod = parser.OFPFlowMod(
            datapath=datapath,
            priority=priority,
            match=match,
            instructions=inst,
            idle_timeout=idle_timeout,
        )
        datapath.send_msg(mod)

    @set_ev_cls(ofp_event.EventOFPSwitchFeatures, CONFIG_DISPATCHER)
    def switch_features_handler(self, ev):
        datapath = ev.msg.datapath
        parser = datapath.ofproto_parser
        ofproto = datapath.ofproto
        match = parser.OFPMatch()
        actions = [parser.OFPActionOutput(ofproto.OFPP_CONTROLLER, ofproto.OFPCML_NO_BUFFER)]
        self.add_flow(datapath, 0, match, actions)
        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO switches (dpid, connected_at) VALUES (:dpid, now()) "
                    "ON CONFLICT (dpid) DO UPDATE SET connected_at = now()"
                ),
                {"dpid": f"{datapath.id:016x}"},
            )

    @set_ev_cls(ofp_event.EventOFPStateChange, [MAIN_DISPATCHER, DEAD_DISPATCHER])
    def state_change_handler(self, ev):
        datapath = ev.datapath
        if ev.state == MAIN_DISPATCHER:
            self.datapaths[datapath.id] = datapath
        elif ev.state == DEAD_DISPATCHER and datapath.id in self.datapaths:
            del self.datapaths[datapath.id]
            with self.engine.begin() as conn:
                conn.execute(
                    text("UPDATE switches SET disconnected_at = now() WHERE dpid = :dpid"),
                    {"dpid": f"{datapath.id:016x}"},
                )

    @set_ev_cls(ofp_event.EventOFPPacketIn, MAIN_DISPATCHER)
    def packet_in_handler(self, ev):
        msg = ev.msg
        datapath = msg.datapath
        ofproto = datapath.ofproto
        parser = datapath.ofproto_parser
        in_port = msg.match["in_port"]

        pkt = packet.Packet(msg.data)
        eth = pkt.get_protocols(ethernet.ethernet)[0]
        if eth.ethertype == ether_types.ETH_TYPE_LLDP:
            return

        quarantine = redis.Redis(
            host=settings.REDIS_HOST, port=settings.REDIS_PORT, decode_responses=True
        )
        if quarantine.sismember("quarantine:macs", eth.src):
            LOG.info("dropping quarantined %s on %016x:%s", eth.src, datapath.id, in_port)
            match = parser.OFPMatch(eth_src=eth.src)
            self.add_flow(datapath, 100, match, [], idle_timeout=settings.IDLE_TIMEOUT)
            return

        dpid = datapath.id
        table = self.mac_to_port.setdefault(dpid, {})
        table[eth.src] = in_port
        out_port = table.get(eth.dst, ofproto.OFPP_FLOOD)
        actions = [parser.OFPActionOutput(out_port)]

        if out_port != ofproto.OFPP_FLOOD:
            match = parser.OFPMatch(in_port=in_port, eth_dst=eth.dst, eth_src=eth.src)
            self.add_flow(datapath, 1, match, actions, idle_timeout=settings.IDLE_TIMEOUT)

        data = msg.data if msg.buffer_id == ofproto.OFP_NO_BUFFER else None
        out = parser.OFPPacketOut(
            datapath=datapath,
            buffer_id=msg.buffer_id,
            in_port=in_port,
            actions=actions,
            data=data,
        )
        datapath.send_msg(out)

    @set_ev_cls(ofp_event.EventOFPPortStatus, MAIN_DISPATCHER)
    def port_status_handler(self, ev):
        msg = ev.msg
        ofproto = msg.datapath.ofproto
        reason = {
            ofproto.OFPPR_ADD: "added",
            ofproto.OFPPR_DELETE: "deleted",
            ofproto.OFPPR_MODIFY: "modified",
        }.get(msg.reason, "unknown")
        port_no = msg.desc.port_no
        dpid = f"{msg.datapath.id:016x}"

        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO port_events (dpid, port_no, reason, seen_at) "
                    "VALUES (:dpid, :port, :reason, now())"
                ),
                {"dpid": dpid, "port": port_no, "reason": reason},
            )

        if reason == "deleted":
            http = requests.Session()
            http.headers["User-Agent"] = "quarantine-ctl"
            try:
                http.post(
                    settings.WEBHOOK_URL,
                    json={"text": f"port {port_no} removed on switch {dpid}"},
                    timeout=5,
                )
            except requests.RequestException:
                LOG.warning("webhook failed for %s:%s", dpid, port_no)
