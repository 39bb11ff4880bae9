"""Security headers of the production server (tests/smoke/conftest.py starts it).

Content-Security-Policy and Permissions-Policy checks belong here, beside the headers the site already sends.
"""


def test_https_pages_carry_the_security_headers(production_server):
    headers = production_server.get("/").headers
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
