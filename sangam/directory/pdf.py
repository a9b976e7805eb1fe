"""PDF from an HTML template with WeasyPrint (Pango shapes Devanagari and
Bengali correctly with the Noto fonts that scripts/ensure-system-packages
installs)."""

from pathlib import Path

from django.template.loader import render_to_string

PRINT_CSS = Path(__file__).resolve().parent.parent / "static" / "sangam" / "print.css"


def render_pdf(template, context):
    from weasyprint import CSS, HTML

    html = render_to_string(template, context)
    return HTML(string=html).write_pdf(stylesheets=[CSS(filename=str(PRINT_CSS))])
