"""Import nbformat and frictionless without a 1.4-second detour.

Both validate JSON with jsonschema, which, when rfc3987_syntax is installed (it is: jupyterlab
needs it), builds Lark grammars for IRI checks at import. Nothing here validates IRIs, so we
hide that module unless something already loaded it. Upstream: python-jsonschema/jsonschema#1428.
"""

from __future__ import annotations

import sys


def skip_iri_grammar() -> None:
    """Call before the first import of nbformat, frictionless or jsonschema."""
    sys.modules.setdefault("rfc3987_syntax", None)
