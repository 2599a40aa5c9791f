import logging
import os
import time
from concurrent import futures

import grpc
import requests
from cassandra.cluster import Cluster, NoHostAvailable
from cassandra.policies import DCAwareRoundRobinPolicy

import geo_pb2
import geo_pb2_grpc

CASSANDRA_HOSTS = os.environ.get("CASSANDRA_HOSTS", "127.0.0.1").split(",")
LOCAL_DC = os.environ.get("CASSANDRA_DC", "datacenter1")
GEOCODER_URL = os.environ.get("GEOCODER_URL", "https://geocoder.internal/v1/search")

log = logging.getLogger("geo")


class GeoServicer(geo_pb2_grpc.GeoServiceServicer):
    def __init__(self, session):
        self._session = session
        self._by_id = session.prepare("SELECT place_id, name, lat, lon FROM places WHERE place_id = ?")
        self._insert = session.prepare("INSERT INTO places (place_id, name, lat, lon) VALUES (?, ?, ?, ?)")
        self._http = requests.Session()
        self._http.headers["Accept"] = "application/json"

    def GetPlace(self, request, context):
        row = self._session.execute(self._by_id, [request.place_id]).one()
        if row is None:
            context.abort(grpc.StatusCode.NOT_FOUND, f"no place {request.place_id}")
        return geo_pb2.Place(place_id=row.place_id, name=row.name, lat=row.lat, lon=row.lon)

    def Geocode(self, request, context):
        resp = self._http.get(GEOCODER_URL, params={"q": request.address}, timeout=5)
        if resp.status_code != 200:
            context.abort(grpc.StatusCode.UNAVAILABLE, "geocoder unavailable")
        hit = resp.json()["results"][0]
        place = geo_pb2.Place(place_id=hit["id"], name=hit["name"], lat=hit["lat"], lon=hit["lon"])
        self._session.execute(self._insert, [place.place_id, place.name, place.lat, place.lon])
        return place

    def close(self):
        self._http.close()


def connect_cassandra(retries: int = 8):
    for attempt in range(1, retries + 1):
        cluster = Cluster(
            CASSANDRA_HOSTS,
            port=9042,
            load_balancing_policy=DCAwareRoundRobinPolicy(local_dc=LOCAL_DC),
            protocol_version=5,
        )
        try:
            session = cluster.connect("geo")
            return cluster, session
        except NoHostAvailable:
            cluster.shutdown()
            log.warning("cassandra unavailable (attempt %d/%d)", attempt, retries)
            time.sleep(min(2 * attempt, 20))
    raise SystemExit("could not reach Cassandra")


def serve():
    cluster, session = connect_cassandra()
    servicer = GeoServicer(session)
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
    geo_pb2_grpc.add_GeoServiceServicer_to_server(servicer, server)
    server.add_insecure_port(f"[::]:{os.environ.get('PORT', '50051')}")
    server.start()
    log.info("geo service listening")
    try:
        server.wait_for_termination()
    finally:
        servicer.close()
        cluster.shutdown()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()
