"""gongkai (公开): government information disclosure tools."""

__version__ = "0.1.0"
