"""Rubric lookup and score normalisation."""
import os

from pymongo import MongoClient

MONGO_URI = os.environ.get("LABGRADER_MONGO_URI", "mongodb://mongo.edx.internal:27017")

mongo = MongoClient(MONGO_URI, appname="labgrader-grading")
rubrics = mongo.labgrader.rubrics


def rubric_for(lab_id: str) -> dict:
    doc = rubrics.find_one({"lab_id": lab_id}) or {}
    return {"weights": doc.get("weights", {}), "pass_mark": doc.get("pass_mark", 0.5)}


def normalise(lab_id: str, result: dict) -> float:
    rubric = rubric_for(lab_id)
    weights = rubric["weights"]
    total = sum(weights.values()) or len(result.get("tests", [])) or 1
    earned = 0.0
    for test in result.get("tests", []):
        if test.get("passed"):
            earned += weights.get(test["name"], 1)
    return round(min(earned / total, 1.0), 4)
