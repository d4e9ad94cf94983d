"""Load your own partnership file, see every problem in a broken one, and fix it.

Run from the repository's root or from examples/:

    python examples/validate_your_file.py
"""

from pathlib import Path

import bilateral

HERE = Path(__file__).resolve().parent

# A valid file loads into typed records.
dataset = bilateral.load(HERE / "my-partnership.yaml")
partnership = dataset.partnership()
print(f"{partnership.title}: {len(partnership.instruments)} instruments")
for instrument in partnership.instruments:
    signed = instrument.signed.edtf() if instrument.signed else "date unknown"
    print(f"  {instrument.kind.value:<20} {instrument.title} (signed: {signed})")

# A broken file raises InvalidDataError, which lists every problem at once.
try:
    bilateral.load(HERE / "broken-partnership.yaml")
except bilateral.InvalidDataError as error:
    print(f"\nbroken-partnership.yaml has {len(error.problems)} problems:")
    for problem in error.problems:
        print(f"  {problem.path}: {problem.message}")
