"""Gazetteer and place resolution: names in English, Russian and Ukrainian → canonical places.

    >>> from skyledger.places import find_places, load_gazetteer
    >>> [m.place.name for m in find_places("drones over the Bryansk, Kaluga and Kursk regions")]
    ['Bryansk Oblast', 'Kaluga Oblast', 'Kursk Oblast']
    >>> load_gazetteer().lookup("Харківщині").name
    'Kharkiv Oblast'
"""

from skyledger.places.gazetteer import Gazetteer, load_gazetteer
from skyledger.places.model import Place, PlaceMention
from skyledger.places.resolve import find_places

__all__ = ["Gazetteer", "Place", "PlaceMention", "find_places", "load_gazetteer"]
