"""vads_sandbox: a loopback simulator of the Lyra payment platform (PayZen, Systempay, ...).

Standard library only. See sandbox/README.md for the CLI and the HTTP API.
"""

__version__ = "0.2.0"


def schema_path(name: str = "rest_v4") -> str:
    """Path of a JSON Schema shipped with the package (rest_v4: the REST API V4 answers)."""
    import os
    return os.path.join(os.path.dirname(__file__), "schemas", f"{name}.schema.json")
