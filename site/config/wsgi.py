import os
import sys
from pathlib import Path

# site/ is a plain folder (the standard library owns the name "site").
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from django.core.wsgi import get_wsgi_application  # noqa: E402

from config import collector  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()

collector.tune()
