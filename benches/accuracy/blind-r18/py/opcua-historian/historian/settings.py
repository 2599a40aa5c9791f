import os

OPCUA_ENDPOINT = os.environ.get("OPCUA_ENDPOINT", "opc.tcp://plc-gw.line3:4840/freeopcua/server/")
HISTORIAN_DB_URL = os.environ.get(
    "HISTORIAN_DB_URL", "postgresql+psycopg2://historian:historian@tsdb:5432/historian"
)
MONGO_URI = os.environ.get("MONGO_URI", "mongodb://mongo:27017/?replicaSet=rs0")
NODE_IDS = [
    "ns=2;s=Line3.Press.Temperature",
    "ns=2;s=Line3.Press.Pressure",
    "ns=2;s=Line3.Conveyor.Speed",
    "ns=2;s=Line3.Oven.Zone1",
    "ns=2;s=Line3.Oven.Zone2",
]
