"""Paths, directories and globs expand to the inputs skyledger can read, each once, in a stable order."""

from __future__ import annotations

from skyledger.ingest import IngestError, Input, discover


def make_tree(root):
    (root / "a").mkdir()
    (root / "a" / "deep").mkdir()
    (root / "a" / "one.txt").write_text("x")
    (root / "a" / "deep" / "two.html").write_text("<p>x</p>")
    (root / "a" / "deep" / "feed.xml").write_text("<rss/>")
    (root / "a" / "MANIFEST.json").write_text("{}")
    (root / "a" / "notes.pdf").write_bytes(b"%PDF")
    (root / "a" / ".hidden.txt").write_text("x")
    (root / "chan").mkdir()
    (root / "chan" / "result.json").write_text('{"messages": []}')
    (root / "lines.jsonl").write_text("{}\n")


def test_directories_are_walked_recursively_and_unknown_files_ignored(tmp_path):
    make_tree(tmp_path)
    found = list(discover([str(tmp_path)]))
    assert all(isinstance(f, Input) for f in found)
    assert [(f.kind, f.location.removeprefix(str(tmp_path) + "/")) for f in found] == [
        ("feed", "a/deep/feed.xml"),
        ("html", "a/deep/two.html"),
        ("text", "a/one.txt"),
        ("telegram", "chan/result.json"),
        ("jsonl", "lines.jsonl"),
    ]


def test_globs_expand_and_files_are_not_read_twice(tmp_path):
    make_tree(tmp_path)
    found = list(discover([str(tmp_path / "a" / "**" / "*.*ml"), str(tmp_path / "a" / "deep" / "two.html")]))
    assert [f.location.rsplit("/", 1)[1] for f in found] == ["feed.xml", "two.html"]


def test_explicit_files_of_unknown_kind_and_missing_paths_are_reported(tmp_path):
    make_tree(tmp_path)
    found = list(discover([str(tmp_path / "a" / "notes.pdf"), str(tmp_path / "nope.txt"),
                           str(tmp_path / "*.csv"), "ftp://example.org/x"]))
    assert all(isinstance(f, IngestError) for f in found)
    assert [f.reason for f in found] == [
        "unsupported file type '.pdf'",
        "no such file or directory",
        "no files match this pattern",
        "only http:// and https:// URLs can be fetched",
    ]


def test_a_json_file_named_explicitly_is_read_as_telegram_when_it_looks_like_an_export(tmp_path):
    export = tmp_path / "channel_export.json"
    export.write_text('{"name": "C", "type": "public_channel", "messages": []}')
    other = tmp_path / "data.json"
    other.write_text('{"rows": []}')
    found = list(discover([str(export), str(other)]))
    assert isinstance(found[0], Input) and found[0].kind == "telegram"
    assert isinstance(found[1], IngestError)


def test_urls_pass_through_once():
    found = list(discover(["https://example.org/a", "https://example.org/a", "http://example.org/b"]))
    assert found == [Input("url", "https://example.org/a"), Input("url", "http://example.org/b")]
