"""Entry point of the composition function container.

Crossplane calls RunFunction over gRPC every time it reconciles an XNetwork
(on every change and at least once per poll interval). Long-lived clients
are created here, once, and handed to the FunctionRunner.
"""
import sys

import click
from crossplane.function import logging, runtime

from function import fn
from function.ipam import connect_ipam
from function.regions import AzLookup


@click.command()
@click.option("--debug", "-d", is_flag=True, help="Emit debug logs.")
@click.option("--address", default="0.0.0.0:9443", show_default=True, help="Address to listen on.")
@click.option("--tls-certs-dir", envvar="TLS_SERVER_CERTS_DIR", help="Serve using mTLS certificates.")
@click.option("--insecure", is_flag=True, help="Run without mTLS credentials.")
def cli(debug: bool, address: str, tls_certs_dir: str, insecure: bool) -> None:
    level = logging.Level.DEBUG if debug else logging.Level.INFO
    logging.configure(level=level)
    ipam_pool = connect_ipam()
    try:
        runner = fn.FunctionRunner(ipam_pool=ipam_pool, azs=AzLookup())
        runtime.serve(
            runner,
            address,
            creds=runtime.load_credentials(tls_certs_dir),
            insecure=insecure,
        )
    except Exception as e:  # noqa: BLE001
        click.echo(f"Cannot run function: {e}")
        sys.exit(1)
    finally:
        ipam_pool.close()


if __name__ == "__main__":
    cli()
