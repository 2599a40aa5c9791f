import argparse
import atexit

from kserve import ModelServer, model_server

from scorer.clients import make_pool, make_redis, make_s3
from scorer.model import FraudScorer

parser = argparse.ArgumentParser(parents=[model_server.parser])
parser.add_argument("--model_name", default="fraud-scorer")


def main() -> None:
    args, _ = parser.parse_known_args()

    pool = make_pool()
    cache = make_redis()
    s3 = make_s3()
    atexit.register(pool.close)
    atexit.register(cache.close)

    model = FraudScorer(args.model_name, pool=pool, cache=cache, s3=s3)
    model.load()
    ModelServer().start([model])


if __name__ == "__main__":
    main()
