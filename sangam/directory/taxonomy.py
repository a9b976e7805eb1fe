"""Sangam's taxonomy of services for survivors of trafficking and people at risk.

Reference data: ids are derived from the codes (uuid5) so that every Sangam
installation, export and import agrees on them.
"""

import uuid

from django.db import transaction

NAMESPACE = uuid.UUID("6f1c1b9e-5a40-4c38-9d0e-2b7f3f0c8a11")
TAXONOMY_ID = uuid.uuid5(NAMESPACE, "taxonomy:sangam-aht")
TAXONOMY = {
    "id": TAXONOMY_ID,
    "name": "Sangam anti-trafficking services",
    "description": "Services for survivors of human trafficking and people at risk, in India.",
    "version": "1",
}

# code, English, Hindi, parent code
TERMS = [
    ("shelter", "Shelter", "आश्रय गृह", None),
    ("shelter-short-stay", "Short-stay shelter", "अल्पावास आश्रय", "shelter"),
    ("shelter-long-stay", "Long-stay shelter", "दीर्घावास आश्रय", "shelter"),
    ("shelter-women", "Shelter for women", "महिलाओं के लिए आश्रय", "shelter"),
    ("shelter-children", "Shelter for children", "बच्चों के लिए आश्रय", "shelter"),
    ("shelter-men", "Shelter for men", "पुरुषों के लिए आश्रय", "shelter"),
    (
        "shelter-transgender",
        "Shelter for transgender persons",
        "ट्रांसजेंडर व्यक्तियों के लिए आश्रय",
        "shelter",
    ),
    ("medical", "Medical care", "चिकित्सा देखभाल", None),
    ("mental-health", "Mental health and counselling", "मानसिक स्वास्थ्य और परामर्श", None),
    ("legal-aid", "Legal aid", "कानूनी सहायता", None),
    ("victim-compensation", "Victim compensation", "पीड़ित मुआवज़ा", None),
    ("police", "Police and AHTU", "पुलिस और मानव तस्करी विरोधी इकाई", None),
    ("police-ahtu", "Anti Human Trafficking Unit", "मानव तस्करी विरोधी इकाई", "police"),
    ("child-protection", "Child protection", "बाल संरक्षण", None),
    ("child-protection-cwc", "Child Welfare Committee", "बाल कल्याण समिति", "child-protection"),
    (
        "child-protection-dcpu",
        "District Child Protection Unit",
        "ज़िला बाल संरक्षण इकाई",
        "child-protection",
    ),
    ("child-protection-childline", "Childline", "चाइल्डलाइन", "child-protection"),
    ("one-stop-centre", "One Stop Centre", "वन स्टॉप सेंटर", None),
    ("helpline", "Helpline", "हेल्पलाइन", None),
    ("livelihood", "Skill training and livelihood", "कौशल प्रशिक्षण और आजीविका", None),
    ("education", "Education and bridge courses", "शिक्षा और ब्रिज कोर्स", None),
    ("repatriation", "Repatriation", "स्वदेश वापसी", None),
    ("de-addiction", "De-addiction", "नशा मुक्ति", None),
    ("safe-migration", "Safe migration centre", "सुरक्षित प्रवास केंद्र", None),
    ("survivor-collective", "Survivor collective", "सर्वाइवर समूह", None),
]


def term_id(code):
    return uuid.uuid5(NAMESPACE, f"term:{code}")


@transaction.atomic
def load_taxonomy():
    """Create or update the taxonomy and its terms. Idempotent."""
    from sangam.directory.models import Taxonomy, TaxonomyTerm

    taxonomy, _ = Taxonomy.objects.update_or_create(
        id=TAXONOMY_ID, defaults={k: v for k, v in TAXONOMY.items() if k != "id"}
    )
    for code, name, name_hi, parent in TERMS:
        TaxonomyTerm.objects.update_or_create(
            id=term_id(code),
            defaults={
                "taxonomy": taxonomy,
                "code": code,
                "name": name,
                "name_hi": name_hi,
                "description": name,
                "parent_id": term_id(parent) if parent else None,
                "language": "en",
            },
        )
    return len(TERMS)
