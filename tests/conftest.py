import os
from pathlib import Path

import pytest
from django.db import connection

CHROMIUM = Path("/usr/bin/chromium")
IN_CI = os.environ.get("CI") == "true"


@pytest.fixture(autouse=True)
def _postgres_only(request):
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        if IN_CI:
            pytest.fail("CI=true: postgres tests must run on PostgreSQL (DATABASE_URL)")
        pytest.skip("needs PostgreSQL: make test runs these on a throwaway cluster")


@pytest.fixture
def demo(db):
    """The demo network, as `manage.py load_demo` builds it."""
    from core.demo.loader import DemoLoader

    DemoLoader(log=lambda *a: None).run()
