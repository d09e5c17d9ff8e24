"""The budsjett language: grammar, parser and model. Knows nothing of rules or output."""

from .model import Budget
from .parser import ParseResult, parse

__all__ = ["Budget", "ParseResult", "parse"]
