"""The dashboard: server-rendered pages (Jinja2, autoescaped) and plain JS/SVG for the map and timeline.

No build step at run time: templates/ and static/ (CSS, JS, the Natural Earth
basemap made by scripts/build_basemap.py) ship in the package.  Every page
names its JSON twin in a ``Link: <…>; rel="alternate"`` header.
"""
