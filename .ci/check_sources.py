#!/usr/bin/env python3
"""Source checks CI runs: no `try!`, no `unsafeFlags` in Package.swift, and no force unwrap
(`x!`, `as!`, `T!`) in Sources/ or Plugins/ unless its line says why it cannot fail, with a
trailing comment `// unwrap: <reason>`. Comments and string literals are skipped. Tests are not
checked: no user's input reaches them, and `#require` is their unwrap.

usage: .ci/check_sources.py [ROOT]
"""
import pathlib
import re
import sys


def code_only(text):
    """The text with comments and string literals blanked out (same line numbers)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith('"""', i):
            j = text.find('"""', i + 3)
            j = n if j < 0 else j + 3
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == '"':
            j = i + 1
            depth = 0
            while j < n and text[j] != "\n":
                if text[j] == "\\" and j + 1 < n:
                    if text[j + 1] == "(":
                        depth += 1
                    j += 2
                    continue
                if text[j] == ")" and depth:
                    depth -= 1
                elif text[j] == '"' and not depth:
                    break
                j += 1
            out.append(" " * (j + 1 - i))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


UNWRAP = re.compile(r"[A-Za-z0-9_\)\]]!(?!=)")


def main(argv):
    root = pathlib.Path(argv[1] if len(argv) > 1 else ".")
    problems = []
    package = (root / "Package.swift").read_text(encoding="utf-8")
    if "unsafeFlags" in code_only(package):
        problems.append("Package.swift: unsafeFlags (SwiftPM refuses them in a dependency)")
    paths = [p for folder in ("Sources", "Plugins") for p in sorted((root / folder).rglob("*.swift"))]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        raw_lines = text.split("\n")
        for number, line in enumerate(code_only(text).split("\n"), start=1):
            shown = f"{path.relative_to(root)}:{number}"
            if "try!" in line:
                problems.append(f"{shown}: try!")
            if UNWRAP.search(line) and "// unwrap:" not in raw_lines[number - 1]:
                problems.append(f"{shown}: force unwrap without a `// unwrap: reason` comment")
    for p in problems:
        print(p)
    print(f"source checks: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
