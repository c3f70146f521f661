# Shared pytest set-up: tests import helpers as `support.*` (this folder is on sys.path).
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
