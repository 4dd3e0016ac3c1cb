#!/usr/bin/python3
"""Writes the small bad-input PDFs the reader's tests use (Tests/InvoiceDocumentsTests/Fixtures).

Deterministic (reportlab invariant mode). Run: /usr/bin/python3 scripts/make_test_fixtures.py
"""
import os
from reportlab.pdfgen import canvas
from reportlab.lib import pdfencrypt

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "InvoiceDocumentsTests", "Fixtures")
os.makedirs(OUT, exist_ok=True)


def path(name):
    return os.path.join(OUT, name)


def invoice_page(c, label):
    c.setFont("Helvetica", 12)
    c.drawString(72, 760, f"INVOICE {label}")
    c.drawString(72, 740, "Registration No. T7000012050002   Total 12,100 JPY")


# A user password is needed to open it: encrypted_pdf.
c = canvas.Canvas(path("encrypted-user-password.pdf"), invariant=1,
                  encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner", canPrint=1))
invoice_page(c, "encrypted")
c.showPage()
c.save()

# Only an owner password (restrictions, no password to open): reads normally.
c = canvas.Canvas(path("owner-password-only.pdf"), invariant=1,
                  encrypt=pdfencrypt.StandardEncryption("", ownerPassword="owner", canPrint=1, canCopy=0))
invoice_page(c, "owner-only")
c.showPage()
c.save()

# A 5000 x 5000 pt page with no text: at 300 dpi it would render to 20,833 px a side: too_large.
c = canvas.Canvas(path("huge-page.pdf"), pagesize=(5000, 5000), invariant=1)
c.rect(100, 100, 4800, 4800)
c.showPage()
c.save()

# 500 pages: beyond the page limit: too_large.
c = canvas.Canvas(path("500-pages.pdf"), invariant=1)
for i in range(500):
    c.setFont("Helvetica", 10)
    c.drawString(72, 760, f"Page {i + 1} of 500 (reader page-limit fixture)")
    c.showPage()
c.save()

# Images cut short (an interrupted transfer): corrupt_image, not half a page read.
from PIL import Image, ImageDraw
import io
image = Image.new("L", (600, 300), 255)
ImageDraw.Draw(image).rectangle((50, 50, 550, 250), outline=0, width=4)
for name, fmt in (("truncated.jpg", "JPEG"), ("truncated.png", "PNG")):
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    data = buffer.getvalue()
    with open(path(name), "wb") as f:
        f.write(data[: len(data) * 2 // 3])

with open(path("text-named.pdf"), "w") as f:
    f.write("This is a plain text file that was given a .pdf name.\n請求書ではありません。\n")

# An A4 page showing one 1-bit image declared 40,000 x 40,000 px (1.6 Gpx; ~200 MB decoded at 1
# bit, 6.4 GB as a rendering surface): too_large before anything is decoded. The stream holds
# the compressed zeros of the whole image (about 200 KB), so it is a valid PDF.
import zlib
side = 40000
rows = zlib.compressobj(9)
stream = b"".join(rows.compress(b"\x00" * (side // 8)) for _ in range(side)) + rows.flush()
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
    b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode /Length %d >>\nstream\n" % (side, side, len(stream)) + stream + b"\nendstream",
    b"<< /Length 35 >>\nstream\nq 595 0 0 842 0 0 cm /Im0 Do Q\nendstream",
]
out = bytearray(b"%PDF-1.4\n")
offsets = []
for number, body in enumerate(objects, start=1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
with open(path("huge-image.pdf"), "wb") as f:
    f.write(out)
