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
