#!/usr/bin/env python3
"""Lists the longest functions (func, init, closures assigned to let/var are not counted) of
Swift files, by lines from the declaration to its closing brace, longest first.

    Scripts/function-lengths.py [--top N] FILE_OR_DIR...

Braces are counted outside string literals and comments; good enough for reading sizes, not a
parser. Used to show that the pipeline's stages and the decoder's steps stay short
(docs/ARCHITECTURE.md).
"""
import os
import re
import sys

DECL = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:package|public|private|fileprivate|internal|static|"
                  r"mutating|nonmutating|override|final|convenience|required|nonisolated|consuming|borrowing)\s+)*"
                  r"(func\s+[^\s(<]+|init[?!]?|deinit)\s*[(<{]")


def strip(line, state):
    """Returns the line without string literals and comments; state tracks multi-line strings."""
    out, i = [], 0
    while i < len(line):
        if state["multi"]:
            j = line.find('"""', i)
            if j < 0:
                return "".join(out)
            state["multi"] = False
            i = j + 3
            continue
        if line.startswith('"""', i):
            state["multi"] = True
            i += 3
            continue
        if line.startswith("//", i):
            break
        c = line[i]
        if c == '"':
            i += 1
            while i < len(line) and line[i] != '"':
                i += 2 if line[i] == "\\" else 1
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def functions(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    state = {"multi": False}
    code = [strip(l, state) for l in lines]
    result = []
    for n, line in enumerate(lines):
        m = DECL.match(line)
        if not m or state is None:
            continue
        depth, opened = 0, False
        for k in range(n, len(lines)):
            for c in code[k]:
                if c == "{":
                    depth += 1
                    opened = True
                elif c == "}":
                    depth -= 1
            if opened and depth <= 0:
                result.append((k - n + 1, path, n + 1, m.group(1)))
                break
            if not opened and k > n + 8:
                break  # a protocol requirement: no body
    return result


def main(argv):
    top = 10
    if len(argv) > 1 and argv[0] == "--top":
        top, argv = int(argv[1]), argv[2:]
    found = []
    for arg in argv:
        if os.path.isdir(arg):
            for root, _, files in os.walk(arg):
                found += [f for name in sorted(files) if name.endswith(".swift")
                          for f in functions(os.path.join(root, name))]
        else:
            found += functions(arg)
    for length, path, line, name in sorted(found, key=lambda f: (-f[0], f[1], f[2]))[:top]:
        print(f"{length:5d}  {path}:{line}  {name}")


if __name__ == "__main__":
    main(sys.argv[1:])
