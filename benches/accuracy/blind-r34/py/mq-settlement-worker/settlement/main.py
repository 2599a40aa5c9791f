import logging
import os

import pymqi

from settlement.handler import SettlementHandler

log = logging.getLogger("settlement")

QMGR = os.environ.get("MQ_QMGR", "QM_PAY1")
CHANNEL = os.environ.get("MQ_CHANNEL", "SETTLE.SVRCONN")
CONN_INFO = os.environ.get("MQ_CONN", "mq-pay1.internal(1414)")
QUEUE = os.environ.get("MQ_QUEUE", "PAY.SETTLE.IN")


def main():
    logging.basicConfig(level=logging.INFO)
    qmgr = pymqi.connect(
        QMGR, CHANNEL, CONN_INFO, os.environ.get("MQ_USER"), os.environ.get("MQ_PASSWORD")
    )
    queue = pymqi.Queue(qmgr, QUEUE)

    gmo = pymqi.GMO()
    gmo.Options = (
        pymqi.CMQC.MQGMO_WAIT | pymqi.CMQC.MQGMO_FAIL_IF_QUIESCING | pymqi.CMQC.MQGMO_SYNCPOINT
    )
    gmo.WaitInterval = 5000

    try:
        while True:
            md = pymqi.MD()
            try:
                body = queue.get(None, md, gmo)
            except pymqi.MQMIError as e:
                if e.comp == pymqi.CMQC.MQCC_FAILED and e.reason == pymqi.CMQC.MQRC_NO_MSG_AVAILABLE:
                    continue
                raise

            try:
                outcome = SettlementHandler(body).process()
                qmgr.commit()
                log.info("message %s: %s", md.MsgId.hex(), outcome)
            except Exception:
                log.exception("settlement failed, backing out")
                qmgr.backout()
    finally:
        queue.close()
        qmgr.disconnect()


if __name__ == "__main__":
    main()
