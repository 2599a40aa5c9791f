import logging
import os
import signal

import pjsua2 as pj

from calls import ReceptionAccount

running = True


def stop(*_):
    global running
    running = False


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    ep = pj.Endpoint()
    ep.libCreate()
    ep_cfg = pj.EpConfig()
    ep_cfg.uaConfig.threadCnt = 0
    ep_cfg.uaConfig.mainThreadOnly = True
    ep.libInit(ep_cfg)

    tcfg = pj.TransportConfig()
    tcfg.port = int(os.environ.get("SIP_PORT", "5060"))
    ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, tcfg)
    ep.audDevManager().setNullDev()
    ep.libStart()

    acfg = pj.AccountConfig()
    acfg.idUri = os.environ["SIP_ID_URI"]
    acfg.regConfig.registrarUri = os.environ["SIP_REGISTRAR"]
    acfg.sipConfig.authCreds.append(
        pj.AuthCredInfo("digest", "*", os.environ["SIP_USER"], 0, os.environ["SIP_PASSWORD"])
    )
    account = ReceptionAccount()
    account.create(acfg)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while running:
        ep.libHandleEvents(50)

    account.shutdown()
    ep.libDestroy()


if __name__ == "__main__":
    main()
