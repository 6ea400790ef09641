#!/usr/bin/env python3
"""Independent count of the AIS messages a corpus file assembles to, for tests/nmea/corpus_test.cpp.

Written separately from the C++ framing (regular expressions, no shared code): a line counts when it is
an `!xxVDM`/`!xxVDO` sentence (optionally behind tag blocks) whose checksum is right; a single-fragment
sentence is one message; a multipart message counts when its fragments 1..n arrive in order for the same
(channel, sequence id, fragment count), other sentences may come in between. Prints
`file sentences assembled singles multipart incomplete orphans`.
Usage: tests/nmea/count_assembled.py tests/data/ais/gpsd/*.log ...
"""
import re
import sys
from functools import reduce

SENTENCE = re.compile(r'^(?:\\[^\\]*\\)*(!([A-Z]{2})VD[MO],(\d),(\d),(\d?),([A-Za-z0-9]?),([^,*]*),(\d))\*([0-9A-Fa-f]{2})')


def checksum_ok(body, hexsum):
    return reduce(lambda a, c: a ^ ord(c), body[1:], 0) == int(hexsum, 16)


def count(path):
    sentences = singles = multipart = incomplete = orphans = 0
    pending = {}
    with open(path, 'rb') as f:
        for raw in f:
            line = raw.decode('latin-1').strip()
            m = SENTENCE.match(line)
            if not m or not checksum_ok(m.group(1), m.group(9)) or int(m.group(8)) > 5:
                continue
            total, number = int(m.group(3)), int(m.group(4))
            if not (1 <= number <= total <= 9):
                continue
            sentences += 1
            if total == 1:
                singles += 1
                continue
            key = (m.group(6), m.group(5), total)
            if number == 1:
                if key in pending:
                    incomplete += 1
                pending[key] = 1
            elif pending.get(key) == number - 1:
                pending[key] = number
                if number == total:
                    del pending[key]
                    multipart += 1
            else:
                orphans += 1
    incomplete += len(pending)
    return sentences, singles + multipart, singles, multipart, incomplete, orphans


if __name__ == '__main__':
    for p in sys.argv[1:]:
        print(p, *count(p))
