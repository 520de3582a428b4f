#!/usr/bin/env python3
"""Adds or updates UI strings in both resource files at once, keeping Japanese and English in step.

Usage: scripts/strings.py [--file PATH/TO/Resources/Name] KEY "日本語" "English" [KEY "日本語" "English" ...]
Without --file, the host's shared strings (src/Madoguchi.Web/Resources/SharedResource) are written;
a module passes its own, e.g. --file src/Modules/Madoguchi.Procedures/Resources/ProceduresResource.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src" / "Madoguchi.Web" / "Resources"
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def load(path):
    if not path.exists():
        return {}
    return {d.get("name"): d.findtext("value") or "" for d in ET.parse(path).getroot().findall("data")}


def save(path, entries):
    from xml.sax.saxutils import escape
    lines = [HEADER]
    for key in sorted(entries):
        lines.append(f'  <data name="{escape(key)}" xml:space="preserve"><value>{escape(entries[key])}</value></data>\n')
    lines.append("</root>\n")
    path.write_text("".join(lines), encoding="utf-8")


def main(args):
    base = ROOT / "SharedResource"
    if args[:1] == ["--file"]:
        base = Path(__file__).resolve().parent.parent / args[1]
        args = args[2:]
    if len(args) % 3 != 0 or not args:
        sys.exit(__doc__)
    ja_path, en_path = base.with_name(base.name + ".resx"), base.with_name(base.name + ".en.resx")
    ja, en = load(ja_path), load(en_path)
    for i in range(0, len(args), 3):
        key, ja_text, en_text = args[i:i + 3]
        ja[key], en[key] = ja_text, en_text
    ja_path.parent.mkdir(parents=True, exist_ok=True)
    save(ja_path, ja)
    save(en_path, en)


if __name__ == "__main__":
    main(sys.argv[1:])
