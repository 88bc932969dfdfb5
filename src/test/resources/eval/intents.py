"""Shared helpers of the judged query sets: I() writes one intent as judge.py reads it, save() writes a set."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
LISTS = ("modules", "formats", "targets")


def I(q, problems=(), **facets):
    """The text as a person types it, the problems it asks about, and secondary facets (modules="m2", lang="ar",
    near="9000", radius_km=25, place="Gent", province="Limburg")."""
    intent = {"q": q}
    if problems:
        intent["problems"] = list(problems)
    for key, value in facets.items():
        intent[key] = [value] if key in LISTS and isinstance(value, str) else value
    return intent


def save(intents, name):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(intents, f, ensure_ascii=False, indent=1)
    print(len(intents), name)
