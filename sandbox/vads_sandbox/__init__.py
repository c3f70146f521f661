"""vads_sandbox: a loopback simulator of the Lyra payment platform (PayZen, Systempay, ...).

Standard library only. See sandbox/README.md for the CLI and the HTTP API.
"""

__version__ = "0.2.0"
