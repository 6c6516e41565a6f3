"""Reports read from their addresses: a local server started by the tests (no network)."""

from __future__ import annotations

import gzip
import http.server
import io
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import pytest

from govinfo_report import load
from govinfo_report.cli import run
from govinfo_report.errors import ReadError
from govinfo_report.formats.docx.writer import write_docx
from govinfo_report.formats.html.writer import html_text
from govinfo_report.published.readers import _fetch, read, read_content

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).parents[2]
REPORT = load(ROOT / "examples" / "city-department-2023.json")
PAGE = html_text(REPORT).encode("utf-8")
#: The page in GBK, its charset declared by the server's header alone.
GBK_PAGE = html_text(REPORT).replace('<meta charset="utf-8">', "")


def _docx(folder: Path) -> bytes:
    return write_docx(REPORT, folder / "report.docx").read_bytes()


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        """Quiet."""

    def do_GET(self) -> None:
        if self.path == "/stall":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"<html>")
            self.wfile.flush()
            time.sleep(3)
            return
        if self.path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(10_000):
                    self.wfile.write(b"<p>x</p>" * 1024)
            except OSError:
                return
            return
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return _docx(tmp_path_factory.mktemp("docx"))


@pytest.fixture(scope="module")
def server(docx: bytes) -> Iterator[str]:
    _Handler.routes = {
        "/page.html": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE),
        "/gbk": (200, {"Content-Type": "text/html; charset=gbk"}, GBK_PAGE.encode("gbk")),
        "/report.docx": (200, {"Content-Type": "text/html"}, docx),  # served as a page
        "/gzip": (200, {"Content-Encoding": "gzip"}, gzip.compress(PAGE)),
        "/bomb": (200, {"Content-Encoding": "gzip"}, gzip.compress(b"\0" * (8 << 20))),
        "/big": (200, {"Content-Length": str(1 << 40)}, b""),
        "/r1": (302, {"Location": "/r2"}, b""),
        "/r2": (301, {"Location": "/page.html"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/ftp": (302, {"Location": "ftp://127.0.0.1/report.docx"}, b""),
        "/500": (500, {}, b"oops"),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def small(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bound of 1 MB on a body, so that the tests need not send 64."""
    monkeypatch.setattr(_fetch, "MAX_INPUT_BYTES", 1 << 20)


@pytest.mark.parametrize("path", ["/page.html", "/r1", "/gzip", "/gbk"])
def test_a_page_read_from_its_address_is_the_page_read(server: str, path: str) -> None:
    record = read(server + path)
    assert record.source == server + path
    assert record.to_report() == read_content(PAGE, name="x.html").to_report()


def test_a_docx_served_as_a_page_is_read_as_a_docx(server: str, docx: bytes) -> None:
    record = read(server + "/report.docx")
    assert record.format == "docx"
    assert record.to_report() == read_content(docx, name="x.docx").to_report()


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/404", "HTTP 404"),
        ("/500", "HTTP 500"),
        ("/loop", "redirect"),
        ("/file", "file:///etc/passwd"),  # refused (by urllib, before us)
        ("/ftp", "only http or https addresses"),
        ("/big", "larger than"),
        ("/bomb", "larger than"),
        ("/endless", "larger than"),
    ],
)
@pytest.mark.usefixtures("small")
def test_what_cannot_be_fetched_is_named(server: str, path: str, words: str) -> None:
    with pytest.raises(ReadError) as caught:
        read(server + path)
    assert caught.value.source == server + path
    assert words in caught.value.message("en")
    assert caught.value.message("zh")


def test_a_stalled_server_ends_in_an_error(server: str) -> None:
    with pytest.raises(ReadError, match=r"within 0\.5 seconds"):
        read(server + "/stall", timeout=0.5)


@pytest.mark.parametrize("url", ["http://", "https:///x", "HTTP://[::1"])
def test_a_bad_address_is_named(url: str) -> None:
    with pytest.raises(ReadError) as caught:
        read(url)
    assert caught.value.source == url


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run([*argv, "--lang", "en"], out, err)
    return code, out.getvalue(), err.getvalue()


def test_audit_takes_addresses_beside_files(server: str, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    inputs = (server + "/page.html", server + "/500", str(page), server + "/report.docx")
    one = _run("audit", *inputs, "--jobs", "1", "-q")
    two = _run("audit", *inputs, "--jobs", "2", "-q")
    assert one == two
    code, out, _ = one
    assert code == 2  # one address cannot be fetched
    assert f"{server}/page.html: sound" in out
    assert "HTTP 500" in out


def test_read_takes_an_address(server: str, tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    code, _, _ = _run("read", server + "/page.html", "-o", str(target))
    assert code == 0
    assert load(target) == read_content(PAGE, name="x.html").to_report()


def test_the_command_line_s_timeout_is_the_reader_s() -> None:
    from govinfo_report.cli import read as cli_read  # noqa: PLC0415

    assert cli_read.DEFAULT_TIMEOUT == _fetch.DEFAULT_TIMEOUT


@pytest.mark.parametrize("command", ["read", "audit"])
def test_the_timeout_is_given_on_the_command_line(server: str, command: str) -> None:
    extra = ("--cells",) if command == "read" else ()
    code, out, err = _run(command, server + "/stall", *extra, "--timeout", "0.5")
    assert code == 2
    assert "within 0.5 seconds" in (err if command == "read" else out)


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "soon"])
def test_a_timeout_that_is_no_time_is_refused(value: str) -> None:
    code, _, err = _run("audit", "x.html", "--timeout", value)
    assert code == 2
    assert "seconds above 0" in err
