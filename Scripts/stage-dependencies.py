#!/usr/bin/env python3
"""Prints which folders of Sources/XBorderCore use which other folders' types.

A folder "uses" another when one of its Swift files names a type (struct, enum, class, actor,
protocol or typealias) declared at the top level of a file in the other folder. Comments and
string literals are ignored; nested types are attributed to the folder of their outer type.
Usage: Scripts/stage-dependencies.py [--names]   (--names also lists the types used per arrow)
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
    if "--names" in sys.argv:
        print()
        for f in folders:
            for o in sorted(uses[f]):
                print("%s -> %s: %s" % (f, o, ", ".join(sorted(uses[f][o]))))


if __name__ == "__main__":
    main()
