#!/usr/bin/python3
"""Peer decoder for the simulator's encoder tests: libais (python3-ais).

Reads "<armoured payload>\t<fill bits>" lines on stdin and prints one JSON object per line: libais's
decode of the payload, or {"error": "..."} when libais rejects it.
"""
import json
import sys

import ais

for line in sys.stdin:
    payload, fill = line.rstrip("\n").split("\t")
    try:
        print(json.dumps(ais.decode(payload, int(fill))))
    except Exception as e:  # libais raises DecodeError; report it per line instead of stopping
        print(json.dumps({"error": str(e)}))
