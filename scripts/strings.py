#!/usr/bin/env python3
"""Adds or updates UI strings in both resource files at once, keeping Japanese and English in step.

Usage: scripts/strings.py KEY "日本語" "English" [KEY "日本語" "English" ...]
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
    if len(args) % 3 != 0 or not args:
        sys.exit(__doc__)
    ja_path, en_path = ROOT / "SharedResource.resx", ROOT / "SharedResource.en.resx"
    ja, en = load(ja_path), load(en_path)
    for i in range(0, len(args), 3):
        key, ja_text, en_text = args[i:i + 3]
        ja[key], en[key] = ja_text, en_text
    ROOT.mkdir(parents=True, exist_ok=True)
    save(ja_path, ja)
    save(en_path, en)


if __name__ == "__main__":
    main(sys.argv[1:])
