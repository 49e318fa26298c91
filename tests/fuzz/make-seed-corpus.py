#!/usr/bin/env python3
"""Writes every description in the given Indico export JSON files to DIR, one file each."""
import hashlib
import json
import os
import sys


def walk(node, out):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == 'description' and isinstance(value, str) and value:
                out.add(value)
            else:
                walk(value, out)
    elif isinstance(node, list):
        for value in node:
            walk(value, out)


def main():
    target = sys.argv[1]
    os.makedirs(target, exist_ok=True)
    texts = set()
    for path in sys.argv[2:]:
        with open(path, encoding='utf-8') as f:
            walk(json.load(f), texts)
    for text in texts:
        data = text.encode('utf-8')
        with open(os.path.join(target, hashlib.sha1(data).hexdigest()), 'wb') as f:
            f.write(data)
    print(f'{len(texts)} seeds in {target}')


if __name__ == '__main__':
    main()
