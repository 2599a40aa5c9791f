from jina import Deployment

if __name__ == "__main__":
    dep = Deployment(uses="config.yml", port=12345, replicas=2, protocol="http")
    with dep:
        dep.block()
