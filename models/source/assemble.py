#!/usr/bin/env python3
"""Assembles itot-convergence 2.0.0 (models/itot-convergence.json) from one file per dimension, in order.

The dimensions are written and reviewed one file at a time in itot-convergence-2.0.0/; the model's header, scale,
consequence factors and floors are here. Run it after editing a part; the test suite checks the result is committed.
"""
import json
import pathlib
import sys

here = pathlib.Path(__file__).resolve().parent
order = ["goals", "current-state", "roles-data", "roadmap", "security", "technology", "monitoring", "improvement"]
model = {
    "$schema": "model.schema.json",
    "id": "itot-convergence",
    "version": "2.0.0",
    "title": "IT/OT Convergence Maturity",
    "description": (
        "A maturity model for initiatives that bring enterprise IT and operational technology together. Eight "
        "dimensions ask why, from where, by whom, in which order, how safely, on what technology, under what "
        "control and how the initiative keeps improving. Every level can be checked with evidence, no level rewards "
        "enterprise systems writing to control, and floors keep a weak segmentation, remote access, incident "
        "response, recovery or safety-system independence from being averaged away."),
    "scale": [
        {"value": 0, "label": "Absent", "meaning": "No practice exists, and the need has not been recognised."},
        {"value": 1, "label": "Initial", "meaning": "The practice happens through individuals, unrecorded and not repeatable."},
        {"value": 2, "label": "Developing", "meaning": "The practice is partly in place or written, but incomplete or applied inconsistently."},
        {"value": 3, "label": "Defined", "meaning": "The practice is written, agreed by IT and OT, applied where it should be, and there is evidence of it."},
        {"value": 4, "label": "Managed", "meaning": "The practice is measured and reviewed on a set cadence, and deviations are corrected."},
        {"value": 5, "label": "Optimised", "meaning": "Records over at least two review cycles show the practice improving from its own measures."},
    ],
    "aggregation": {"rule": "weighted-mean"},
    "priority": {"consequence": {"safety": 2, "production": 1.5, "compliance": 1.25, "data": 1.25}},
    "floors": [
        {"id": "containment", "questions": ["SB1", "SB3", "SB11"], "below": 2, "cap": 2,
         "reason": "An open path into the control network cannot be averaged away by good charters: until the boundary, remote access and outbound-only paths are at least developing, neither the dimension nor the index can read as defined."},
        {"id": "respond-and-recover", "questions": ["SB9", "SB5"], "below": 2, "cap": 2,
         "reason": "A plant that cannot respond to an incident with OT, or restore its control systems, is not defined, whatever else is in place."},
        {"id": "safety-independence", "questions": ["SF1"], "below": 2, "cap": 2,
         "reason": "A safety system that shares a path with the control system or IT without a justification is a hazard, not a maturity level."},
    ],
    "dimensions": [json.loads((here / "itot-convergence-2.0.0" / f"{name}.json").read_text(encoding="utf-8")) for name in order],
}
out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else here.parent / "itot-convergence.json"
out.write_text(json.dumps(model, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
print(f"{out}: {sum(len(d['questions']) for d in model['dimensions'])} questions")
