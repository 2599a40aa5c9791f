import os

from neo4j import GraphDatabase

NEO4J_URI = os.environ.get("OPSBAR_NEO4J_URI", "neo4j://service-graph.internal:7687")
NEO4J_AUTH = (os.environ.get("OPSBAR_NEO4J_USER", "reader"), os.environ.get("OPSBAR_NEO4J_PASSWORD", ""))


def dependency_count(service):
    driver = GraphDatabase.driver(NEO4J_URI, auth=NEO4J_AUTH)
    records, _, _ = driver.execute_query(
        "MATCH (s:Service {name: $name})-[:DEPENDS_ON*1..2]->(d:Service) "
        "WHERE d.health <> 'ok' RETURN count(DISTINCT d) AS unhealthy",
        name=service,
        database_="neo4j",
    )
    return records[0]["unhealthy"] if records else 0
