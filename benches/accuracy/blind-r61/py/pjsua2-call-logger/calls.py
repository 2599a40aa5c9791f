import logging
from datetime import datetime, timezone

import pjsua2 as pj

from crm import lookup_customer
from db import CallRecord, SessionLocal

log = logging.getLogger("calls")

active_calls: dict[int, "LoggedCall"] = {}


def now() -> datetime:
    return datetime.now(timezone.utc)


class LoggedCall(pj.Call):
    def onCallState(self, prm):
        ci = self.getInfo()
        log.info("call %s state %s", ci.callIdString, ci.stateText)
        if ci.state != pj.PJSIP_INV_STATE_DISCONNECTED:
            return
        active_calls.pop(ci.id, None)
        session = SessionLocal()
        record = session.get(CallRecord, ci.callIdString)
        if record is None:
            log.warning("no record for %s", ci.callIdString)
            return
        record.ended_at = now()
        record.duration_s = ci.connectDuration.sec
        record.last_status = ci.lastStatusCode
        session.commit()
        session.close()


class ReceptionAccount(pj.Account):
    def onRegState(self, prm):
        log.info("registration: %s %s", prm.code, prm.reason)

    def onIncomingCall(self, prm):
        call = LoggedCall(self, prm.callId)
        ci = call.getInfo()
        active_calls[ci.id] = call

        customer = lookup_customer(ci.remoteUri)
        with SessionLocal() as session, session.begin():
            session.add(
                CallRecord(
                    sip_call_id=ci.callIdString,
                    caller=ci.remoteUri,
                    customer_id=customer["id"] if customer else None,
                    started_at=now(),
                )
            )

        answer = pj.CallOpParam()
        answer.statusCode = 200
        call.answer(answer)
