"""Order the day's stops for one van with a permutation GA (DEAP).

    python optimize.py --date 2024-10-03 --depot HAM-2
"""

import argparse
import os
import random

import numpy
import requests
from deap import algorithms, base, creator, tools
from pymongo import MongoClient

from history import load_stops

MONGO_URI = os.environ.get("MONGO_URI", "mongodb://routing-mongo:27017")
DISPATCH_API = os.environ.get("DISPATCH_API", "https://dispatch.internal/api")
LATE_PENALTY = 900  # seconds of cost per minute late

creator.create("FitnessMin", base.Fitness, weights=(-1.0,))
creator.create("Individual", list, fitness=creator.FitnessMin)


def evaluate(individual, stops, depot):
    """Total driving time + lateness for one visiting order."""
    client = MongoClient(MONGO_URI, serverSelectionTimeoutMS=3000)
    legs = client.routing.travel_times

    clock = 0.0
    total = 0.0
    here = depot
    for idx in individual:
        stop = stops[idx]
        leg = legs.find_one({"from": here, "to": stop["address_hash"]}, {"seconds": 1})
        seconds = leg["seconds"] if leg else 3600
        clock += seconds
        total += seconds
        arrival_min = clock / 60
        if arrival_min > stop["window_end"]:
            total += (arrival_min - stop["window_end"]) * LATE_PENALTY
        clock = max(clock, stop["window_start"] * 60) + stop["service_minutes"] * 60
        here = stop["address_hash"]
    return (total,)


def build_toolbox(stops, depot):
    toolbox = base.Toolbox()
    toolbox.register("indices", random.sample, range(len(stops)), len(stops))
    toolbox.register("individual", tools.initIterate, creator.Individual, toolbox.indices)
    toolbox.register("population", tools.initRepeat, list, toolbox.individual)
    toolbox.register("mate", tools.cxOrdered)
    toolbox.register("mutate", tools.mutShuffleIndexes, indpb=0.05)
    toolbox.register("select", tools.selTournament, tournsize=3)
    toolbox.register("evaluate", evaluate, stops=stops, depot=depot)
    return toolbox


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--date", required=True)
    parser.add_argument("--depot", required=True)
    parser.add_argument("--generations", type=int, default=150)
    parser.add_argument("--population", type=int, default=300)
    args = parser.parse_args()

    random.seed(42)
    stops = load_stops(args.date, args.depot)
    toolbox = build_toolbox(stops, args.depot)

    pop = toolbox.population(n=args.population)
    hof = tools.HallOfFame(1)
    stats = tools.Statistics(lambda ind: ind.fitness.values)
    stats.register("min", numpy.min)
    stats.register("avg", numpy.mean)
    algorithms.eaSimple(
        pop, toolbox, cxpb=0.7, mutpb=0.2, ngen=args.generations,
        stats=stats, halloffame=hof, verbose=True,
    )

    best = hof[0]
    with requests.Session() as http:
        resp = http.put(
            f"{DISPATCH_API}/routes/{args.depot}/{args.date}",
            json={"stop_ids": [stops[i]["id"] for i in best], "cost": best.fitness.values[0]},
            timeout=30,
        )
        resp.raise_for_status()
    print(f"uploaded order for {len(best)} stops, cost {best.fitness.values[0]:.0f}")


if __name__ == "__main__":
    main()
