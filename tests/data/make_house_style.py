"""A consultancy's house style in Word, made as a consultant would with python-docx: a serif body at 11 pt,
red headings, 3 cm side margins, and a header with a logo and placeholders (no footer: the report's own
fills in). Usage: make_house_style.py OUT.docx"""
import struct
import sys
import zlib

from docx import Document
from docx.shared import Cm, Pt, RGBColor


def write_png(path, width=60, height=20):
    rows = b"".join(b"\x00" + bytes([200, 40, 40]) * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                  + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


out = sys.argv[1]
logo = out + ".logo.png"
write_png(logo)
doc = Document()
doc.styles["Normal"].font.name = "DejaVu Serif"
doc.styles["Normal"].font.size = Pt(11)
heading = doc.styles["Heading 1"]
heading.font.size = Pt(20)
heading.font.color.rgb = RGBColor(0xC0, 0x39, 0x2B)
section = doc.sections[0]
section.left_margin = section.right_margin = Cm(3)
header = section.header.paragraphs[0]
header.add_run().add_picture(logo, width=Cm(1.5))
header.add_run(" ACME Advisory | {{client}} | {{assessment}} | {{unknown}}")
doc.add_paragraph("This body is never used.")
doc.save(out)
