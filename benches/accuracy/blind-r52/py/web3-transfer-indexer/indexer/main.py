"""Long-running ERC-20 Transfer indexer.

Polls eth_getFilterChanges on one log filter per token and hands every
decoded Transfer event to handlers.on_transfer.
"""
import logging
import os
import signal
import time

from dotenv import load_dotenv
from web3 import Web3
from web3.exceptions import Web3Exception

from indexer import handlers
from indexer.abi import ERC20_ABI, WATCHED_TOKENS

log = logging.getLogger("indexer")

POLL_SECONDS = float(os.environ.get("POLL_SECONDS", "4"))
_running = True


def _stop(signum, _frame):
    global _running
    log.info("signal %s received, stopping", signum)
    _running = False


def build_filters(w3):
    filters = {}
    for symbol, address in WATCHED_TOKENS.items():
        contract = w3.eth.contract(address=Web3.to_checksum_address(address), abi=ERC20_ABI)
        decimals = contract.functions.decimals().call()
        flt = contract.events.Transfer.create_filter(fromBlock="latest")
        filters[symbol] = (flt, decimals)
        log.info("watching %s (%s decimals)", symbol, decimals)
    return filters


def main():
    load_dotenv()
    logging.basicConfig(level=logging.INFO)
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)

    w3 = Web3(Web3.HTTPProvider(os.environ["ETH_RPC_URL"], request_kwargs={"timeout": 20}))
    if not w3.is_connected():
        raise SystemExit("RPC endpoint not reachable")

    filters = build_filters(w3)

    while _running:
        for symbol, (flt, decimals) in filters.items():
            try:
                events = flt.get_new_entries()
            except Web3Exception:
                log.exception("filter for %s expired, recreating", symbol)
                filters = build_filters(w3)
                break
            for event in events:
                handlers.on_transfer(symbol, decimals, event)
        time.sleep(POLL_SECONDS)

    log.info("indexer stopped")


if __name__ == "__main__":
    main()
