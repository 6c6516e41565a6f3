"""Published reports fetched from their addresses (``http://``, ``https://``) (private).

Assessors work from lists of addresses. A document is fetched with the standard library
(no dependency), within bounds: ``timeout`` seconds for connecting and for each read, and
at most ``4 * timeout`` (at least a minute) in all; at most ``MAX_INPUT_BYTES`` of body, the
same bound as a file's (a compressed body is expanded within it, so that a small "gzip bomb"
is refused, not expanded); at most ``MAX_REDIRECTS`` redirects, each to ``http`` or
``https`` only (never ``file:``, ``ftp:`` or ``data:``). The bytes are then read as a file's
are (:func:`~govinfo_report.published.readers.read_content`: by content, so a .docx served
as ``text/html`` is still a .docx; a page's charset as a saved page's). Every failure is a
:class:`~govinfo_report.ReadError` naming the address.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from typing import TYPE_CHECKING, Final

from govinfo_report._io import MAX_INPUT_BYTES
from govinfo_report.errors import ReadError

if TYPE_CHECKING:
    from typing import IO

__all__ = ["DEFAULT_TIMEOUT", "MAX_REDIRECTS", "fetch", "is_address"]

#: Seconds allowed for connecting and for each read.
DEFAULT_TIMEOUT: Final = 20.0
#: Redirects followed at most.
MAX_REDIRECTS: Final = 5
_SCHEMES: Final = ("http", "https")
_CHUNK: Final = 64 * 1024


def is_address(text: str) -> bool:
    """Whether ``text`` is an ``http://`` or ``https://`` address (any case)."""
    return text[:8].lower().startswith(("http://", "https://"))


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects within ``MAX_REDIRECTS``, to http(s) only."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(  # noqa: PLR0913, PLR0917 - urllib's signature
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if scheme not in _SCHEMES:
            fp.close()  # the redirecting response's socket
            raise _RefusedError(
                (
                    f"重定向到 {newurl[:200]}，只允许 http 或 https 地址",
                    f"redirected to {newurl[:200]}; only http or https addresses are followed",
                )
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _RefusedError(Exception):
    """A fetch refused by our bounds, with the reason in Chinese and English."""

    def __init__(self, why: tuple[str, str]) -> None:
        super().__init__(why[1])
        self.zh, self.en = why


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """The body of the document at ``url``, within the bounds of this module."""
    try:
        return _fetch(url, timeout)
    except _RefusedError as exc:
        raise ReadError(url, f"无法获取：{exc.zh}", f"cannot fetch it: {exc.en}") from None
    except urllib.error.HTTPError as exc:
        exc.close()  # its response's socket
        raise ReadError(
            url,
            f"无法获取：服务器答复 HTTP {exc.code}（{exc.reason}）",
            f"cannot fetch it: the server answered HTTP {exc.code} ({exc.reason})",
        ) from None
    except urllib.error.URLError as exc:
        why = str(exc.reason)[:200]
        raise ReadError(url, f"无法获取（{why}）", f"cannot fetch it ({why})") from None
    except TimeoutError:
        raise ReadError(
            url,
            f"无法获取：超过 {timeout:g} 秒没有答复",
            f"cannot fetch it: no answer within {timeout:g} seconds",
        ) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        why = f"{type(exc).__name__}: {exc}"[:200]
        raise ReadError(url, f"无法获取（{why}）", f"cannot fetch it ({why})") from None


def _fetch(url: str, timeout: float) -> bytes:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname:
        raise _RefusedError(("不是 http 或 https 地址", "not an http or https address"))
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked above
        url,
        headers={
            "User-Agent": "govinfo-report (annual report reader)",
            "Accept-Encoding": "identity",
        },
    )
    deadline = time.monotonic() + max(60.0, 4 * timeout)
    with opener.open(request, timeout=timeout) as response:
        encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
        if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
            raise _RefusedError(
                (
                    f"服务器使用了无法解开的压缩方式 {encoding[:40]}",
                    f"the server used an encoding that cannot be undone: {encoding[:40]}",
                )
            )
        length = response.headers.get("Content-Length")
        if length is not None and length.strip().isdigit() and int(length) > MAX_INPUT_BYTES:
            raise _too_large()
        expand = None
        if encoding != "identity":
            expand = zlib.decompressobj(zlib.MAX_WBITS | 32 if "gzip" in encoding else 0)
        body = bytearray()
        while chunk := response.read(_CHUNK):
            if time.monotonic() > deadline:
                raise TimeoutError
            if expand is not None:
                chunk = expand.decompress(chunk, MAX_INPUT_BYTES + 1 - len(body))
            body += chunk
            if len(body) > MAX_INPUT_BYTES or (expand is not None and expand.unconsumed_tail):
                raise _too_large()
        return bytes(body)


def _too_large() -> _RefusedError:
    mb = MAX_INPUT_BYTES // (1024 * 1024)
    return _RefusedError((f"内容超过 {mb} MB", f"the document is larger than {mb} MB"))
