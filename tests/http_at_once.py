"""A double click over HTTP: identical POSTs to the live server at the same moment.

Each request runs in its own server thread, with its own database connection and
transaction, as behind a real web server with more than one worker."""

import re
import threading

import requests

#: Double clicks per test: whether both requests overlap depends on timing, so one
#: double click alone may not show a race.
ROUNDS = 5


def form_cookies(url, cookies=None):
    """What a browser holds after opening the form: its cookies and the CSRF token."""
    with requests.Session() as browser:
        browser.cookies.update(cookies or {})
        page = browser.get(url, timeout=120)
        assert page.status_code == 200, page.status_code
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        return browser.cookies.get_dict(), token


def post_at_once(url, data, *, browsers=({}, {})):
    """POST `data` at once from each browser (its cookies: a session, or none). Two
    empty ones, the default, are one browser clicking twice. Returns the answers."""
    count = len(browsers)
    forms = [form_cookies(url, cookies) for cookies in browsers[:1]] * count
    if any(browsers):
        forms = [form_cookies(url, cookies) for cookies in browsers]
    barrier = threading.Barrier(count)
    answers, errors = [None] * count, []

    def post(index):
        cookies, token = forms[index]
        try:
            with requests.Session() as browser:
                browser.cookies.update(cookies)
                barrier.wait(timeout=60)
                answers[index] = browser.post(
                    url,
                    data={**data, "csrfmiddlewaretoken": token},
                    allow_redirects=False,
                    timeout=300,
                )
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))

    threads = [threading.Thread(target=post, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=400)
    assert errors == []
    return answers
