"""Read-only LDAP front for the legacy portal (wiki, Jenkins, the VPN box bind here).

ldaptor's LDAPServer is a Twisted protocol: one instance per TCP connection,
handle_LDAPBindRequest per bind, handle_LDAPSearchRequest per search.
"""
import os
import sys

from ldaptor.protocols import pureldap
from ldaptor.protocols.ldap import ldaperrors
from ldaptor.protocols.ldap.ldapserver import LDAPServer
from twisted.internet import reactor, threads
from twisted.internet.protocol import ServerFactory
from twisted.python import log

import directory
import legacy_auth


def _text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else value


class BridgeLDAPServer(LDAPServer):
    def handle_LDAPBindRequest(self, request, controls, reply):
        dn = _text(request.dn)
        if not dn:  # anonymous bind
            return pureldap.LDAPBindResponse(resultCode=ldaperrors.Success.resultCode)

        d = threads.deferToThread(legacy_auth.check_password, dn, request.auth)

        def _answer(ok):
            if not ok:
                return pureldap.LDAPBindResponse(
                    resultCode=ldaperrors.LDAPInvalidCredentials.resultCode)
            self.boundUser = dn
            return pureldap.LDAPBindResponse(resultCode=ldaperrors.Success.resultCode, matchedDN=dn)

        return d.addCallback(_answer)

    def handle_LDAPSearchRequest(self, request, controls, reply):
        flt = request.filter
        if not isinstance(flt, pureldap.LDAPFilter_equalityMatch) or \
                _text(flt.attributeDesc.value).lower() != "uid":
            return pureldap.LDAPSearchResultDone(
                resultCode=ldaperrors.LDAPUnwillingToPerform.resultCode,
                errorMessage="only (uid=...) searches are supported")

        uid = _text(flt.assertionValue.value)
        d = threads.deferToThread(directory.find_person, self.factory.pool, uid)

        def _send(person):
            if person is not None:
                reply(pureldap.LDAPSearchResultEntry(
                    objectName="uid=%s,%s" % (person["uid"], legacy_auth.BASE_DN),
                    attributes=[
                        ("objectClass", ["inetOrgPerson"]),
                        ("uid", [person["uid"]]),
                        ("cn", [person["cn"]]),
                        ("mail", [person["mail"]]),
                        ("memberOf", person["memberOf"]),
                    ]))
            return pureldap.LDAPSearchResultDone(resultCode=ldaperrors.Success.resultCode)

        return d.addCallback(_send)


def main():
    log.startLogging(sys.stdout)
    factory = ServerFactory()
    factory.protocol = BridgeLDAPServer
    factory.pool = directory.make_pool(os.environ["DIRECTORY_DSN"])
    reactor.suggestThreadPoolSize(20)
    reactor.listenTCP(int(os.environ.get("LDAP_PORT", "389")), factory)
    reactor.run()


if __name__ == "__main__":
    main()
