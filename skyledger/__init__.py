"""skyledger: a source-linked ledger of aerial-warfare claims."""

from __future__ import annotations

import logging

from skyledger import extract
from skyledger.extract import extract_document
from skyledger.models import Action, Claim, Document, Event, Flag, Item, Qualifier, Side, WeaponClass

__all__ = [
    "Action",
    "Claim",
    "Document",
    "Event",
    "Flag",
    "Item",
    "Qualifier",
    "Side",
    "WeaponClass",
    "extract",
    "extract_document",
]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
