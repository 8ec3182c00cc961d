"""ESP doubles: anymail's test backend, failing the way a real ESP's HTTP API fails."""

import requests
from anymail.backends.test import EmailBackend
from anymail.exceptions import AnymailRequestsAPIError

#: How the next calls fail: a list of HTTP status codes, consumed one per call.
failures = []


def esp_response(status):
    response = requests.Response()
    response.status_code = status
    response.reason = {400: "Bad Request", 429: "Too Many Requests"}.get(status, "Unavailable")
    response._content = b'{"message": "simulated"}'
    return response


class FlakyBackend(EmailBackend):
    def post_to_esp(self, payload, message):
        if failures:
            status = failures.pop(0)
            raise AnymailRequestsAPIError(
                f"ESP answered {status}", response=esp_response(status), backend=self
            )
        return super().post_to_esp(payload, message)
