"""Rendering: one autoescaping Jinja2 environment, the filters templates need, and the twin Link header.

Report text is untrusted.  Autoescape is on for every template, nothing is
marked safe, and URLs from reports become links only when they are http(s).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).resolve().parent / "templates"

env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                  trim_blocks=True, lstrip_blocks=True)


def safe_url(url: Any) -> str | None:
    """``url`` when it is an http(s) URL, else None (no ``javascript:`` or ``data:`` links from reports)."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def quote_parts(quote: str, figure: dict[str, int] | None) -> tuple[str, str, str]:
    """(before, figure words, after) of a quote, for highlighting the figure; all text, escaped on output."""
    if not figure:
        return quote, "", ""
    s, e = figure["start"], figure["end"]
    return quote[:s], quote[s:e], quote[e:]


def marked_segments(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_figure) around non-overlapping spans, for a document page."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for start, end in sorted(set(spans)):
        if start < pos or end > len(text) or start >= end:
            continue
        out += [(text[pos:start], False), (text[start:end], True)]
        pos = end
    out.append((text[pos:], False))
    return [(piece, mark) for piece, mark in out if piece]


def query_string(params: dict[str, Any]) -> str:
    clean = {k: v for k, v in params.items() if v not in (None, "", False)}
    return ("?" + urlencode(clean)) if clean else ""


env.filters["safe_url"] = safe_url
env.globals["quote_parts"] = quote_parts
env.globals["query_string"] = query_string


def page(request: Request, template: str, twin: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A rendered page, its JSON twin advertised in a Link header."""
    html = env.get_template(template).render(request_path=request.url.path, twin=twin, **context)
    return HTMLResponse(html, status_code=status,
                        headers={"Link": f'<{twin}>; rel="alternate"; type="application/json"'})


def error_page(request: Request, status: int, message: str, errors: list[dict[str, Any]]) -> HTMLResponse:
    from skyledger.api.app import SECURITY_HEADERS

    response = page(request, "error.html", twin=f"/api{request.url.path}" if request.url.path != "/" else "/api/events",
                    status=status, status_code=status, message=message, errors=errors)
    response.headers.update(SECURITY_HEADERS)
    return response
