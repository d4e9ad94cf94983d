"""Load your own partnership file, see every problem in a broken one, and fix it.

``my-partnership.yaml`` (beside this script) is a valid file: it loads into
typed records. ``broken-partnership.yaml`` is the same file with the
mistakes people make most. Loading it raises one `InvalidDataError` that
lists every problem, each with its line, column and path inside the file. The script
then fixes them one by one, as you would in an editor, and shows the
second round of checks (the rules between records), which runs once the
first round is clean. The fixed file is written, atomically, to a scratch
folder and read back.

    python examples/validate_your_file.py
"""

import tempfile
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


def check(text: str) -> bilateral.Dataset | None:
    """Load the text, or print every problem in it."""
    try:
        return bilateral.loads(text, "yaml")
    except bilateral.InvalidDataError as error:
        print(f"{len(error.problems)} problem{'s' if len(error.problems) != 1 else ''}:")
        for problem in error.problems:
            print(f"  {problem}")
        return None


# A broken file raises InvalidDataError, which lists every problem at once.
text = (HERE / "broken-partnership.yaml").read_text(encoding="utf-8")
print("\nbroken-partnership.yaml, first round:")
check(text)

# The fixes, as you would make them in an editor.
fixes = [
    ("kind: state media", "kind: state_media"),  # the enum value, with its underscore
    ("country: RU}", "country: RUS}"),  # ISO 3166-1 alpha-3, not alpha-2
    ("areas: energy", "areas: [energy]"),  # a list, even of one
    ("signed: 2025-13", 'signed: "2025-05"'),  # the month the source gives
]
for wrong, right in fixes:
    text = text.replace(wrong, right)
    print(f"  fixed: {wrong}  ->  {right}")

print("\nsecond round, the rules between records:")
check(text)
text = text.replace("- source: rt\n", "- source: rt-article\n")  # cite a source the file defines
print("  fixed: - source: rt  ->  - source: rt-article")

fixed = check(text)
assert fixed is not None, "the fixes did not make the file valid"
with tempfile.TemporaryDirectory() as scratch:
    target = Path(scratch) / "fixed-partnership.yaml"
    bilateral.dump(fixed, target)
    again = bilateral.load(target).partnership()
    print(
        f"\nvalid: {target.name} has {len(again.instruments)} instrument, signed {again.instruments[0].signed}"
    )
