"""DNS-01 Authenticator plugin; certbot runs one process per `certbot renew`."""
import logging
from typing import Any, Callable, List, Optional

from certbot import achallenges
from certbot.plugins import dns_common
from certbot.plugins.dns_common import CredentialsConfiguration

from ._client import PdnsPgClient

logger = logging.getLogger(__name__)


class Authenticator(dns_common.DNSAuthenticator):
    description = "Obtain certificates using TXT records in a PowerDNS gpgsql backend."
    ttl = 60

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.credentials: Optional[CredentialsConfiguration] = None
        self._client: Optional[PdnsPgClient] = None

    @classmethod
    def add_parser_arguments(
        cls, add: Callable[..., None], default_propagation_seconds: int = 30
    ) -> None:
        super().add_parser_arguments(add, default_propagation_seconds)
        add("credentials", help="PowerDNS credentials INI file.")

    def more_info(self) -> str:
        return "Writes _acme-challenge TXT records into PowerDNS' PostgreSQL backend."

    def _setup_credentials(self) -> None:
        self.credentials = self._configure_credentials(
            "credentials",
            "PowerDNS credentials INI file",
            {
                "dsn": "libpq connection string of the gpgsql backend",
                "api-url": "PowerDNS API base URL",
                "api-key": "PowerDNS API key",
            },
        )

    def _get_client(self) -> PdnsPgClient:
        if self._client is None:
            assert self.credentials is not None
            self._client = PdnsPgClient(
                self.credentials.conf("dsn"),
                self.credentials.conf("api-url"),
                self.credentials.conf("api-key"),
            )
        return self._client

    def _perform(self, domain: str, validation_name: str, validation: str) -> None:
        self._get_client().add_txt_record(domain, validation_name, validation, self.ttl)

    def _cleanup(self, domain: str, validation_name: str, validation: str) -> None:
        if self._client is None:
            return
        try:
            self._client.del_txt_record(domain, validation_name, validation)
        except Exception as exc:
            logger.warning("could not remove TXT %s: %s", validation_name, exc)

    def cleanup(self, achalls: List[achallenges.AnnotatedChallenge]) -> None:
        try:
            super().cleanup(achalls)
        finally:
            if self._client is not None:
                self._client.close()
                self._client = None
