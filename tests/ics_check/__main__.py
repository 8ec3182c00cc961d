import sys

from . import check

if len(sys.argv) < 2:
    print(__import__("tests.ics_check").ics_check.__doc__)
    sys.exit(2)
reports = check(sys.argv[1:])
for report in reports:
    print(report)
sys.exit(0 if all(report.ok for report in reports) else 1)
