#!/usr/bin/env python3
"""Prints which folders of Sources/XBorderCore use which other folders' types.

A folder "uses" another when one of its Swift files names a type (struct, enum, class, actor,
protocol or typealias) declared at the top level of a file in the other folder. Comments and
string literals are ignored; nested types are attributed to the folder of their outer type.
Besides the pairs of folders that use each other, it lists the groups of folders whose arrows go
round in a longer loop (A -> B -> C -> A), which no pair shows; without loops, it prints the order
in which every folder uses only folders before it.
Usage: Scripts/stage-dependencies.py [--names]   (--names also lists the types used per arrow)
Exits 1 when any folders reach each other round a loop: CI runs it so the arrows stay one way.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "XBorderCore")
DECL = re.compile(r"^(?:(?:package|public|internal|fileprivate|private|final|indirect)\s+)*"
                  r"(?:struct|enum|class|actor|protocol|typealias)\s+([A-Z][A-Za-z0-9_]*)", re.M)
COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
STRING = re.compile(r'"""(?:.|\n)*?"""|"(?:[^"\\\n]|\\.)*"')
WORD = re.compile(r"\b[A-Z][A-Za-z0-9_]*\b")


def sources():
    for folder in sorted(os.listdir(ROOT)):
        path = os.path.join(ROOT, folder)
        if not os.path.isdir(path):
            continue
        for directory, _, files in os.walk(path):
            for name in sorted(files):
                if name.endswith(".swift"):
                    with open(os.path.join(directory, name), encoding="utf-8") as f:
                        yield folder, f.read()


def cyclic_groups(folders, uses):
    """The strongly connected groups of two or more folders: where the arrows go round."""
    reach = {f: set(uses[f]) for f in folders}
    changed = True
    while changed:
        changed = False
        for f in folders:
            more = set().union(*(reach[o] for o in reach[f])) - reach[f] if reach[f] else set()
            if more:
                reach[f] |= more
                changed = True
    groups = []
    for f in folders:
        group = sorted({f} | {o for o in reach[f] if f in reach[o]})
        if len(group) > 1 and group not in groups:
            groups.append(group)
    return groups


def layer_order(folders, uses):
    """The folders in an order where each uses only earlier ones (alphabetical among equals)."""
    order, left = [], sorted(folders)
    while left:
        ready = next(f for f in left if all(o in order for o in uses[f]))
        order.append(ready)
        left.remove(ready)
    return order


def main():
    files = list(sources())
    owner = {}
    for folder, text in files:
        for name in DECL.findall(COMMENT.sub("", text)):
            owner.setdefault(name, folder)
    folders = sorted({folder for folder, _ in files})
    uses = {f: {} for f in folders}
    for folder, text in files:
        code = STRING.sub('""', COMMENT.sub("", text))
        for word in set(WORD.findall(code)):
            other = owner.get(word)
            if other and other != folder:
                uses[folder].setdefault(other, set()).add(word)
    short = {f: f[:4] for f in folders}
    print("rows use columns (number of the column folder's types named):")
    print("%-13s" % "" + " ".join("%5s" % short[f] for f in folders))
    for f in folders:
        print("%-13s" % f + " ".join("%5s" % (len(uses[f][o]) if o in uses[f] else ("." if o != f else "-")) for o in folders))
    both = sorted((a, b) for a in folders for b in uses[a] if a < b and a in uses[b])
    print("\nfolders used by each other both ways: %d pairs" % len(both))
    for a, b in both:
        print("  %s <-> %s" % (a, b))
    cycles = cyclic_groups(folders, uses)
    print("folders that reach each other round a loop of any length: %s"
          % ("none" if not cycles else "%d group%s" % (len(cycles), "" if len(cycles) == 1 else "s")))
    for group in cycles:
        print("  " + ", ".join(group))
    if not cycles:
        print("so each folder uses only folders before it in: " + " < ".join(layer_order(folders, uses)))
    if "--names" in sys.argv:
        print()
        for f in folders:
            for o in sorted(uses[f]):
                print("%s -> %s: %s" % (f, o, ", ".join(sorted(uses[f][o]))))
    return 1 if cycles else 0


if __name__ == "__main__":
    sys.exit(main())
