"""newswatch: company-event alerting. The command line and local-broker helper live here."""

__version__ = "0.1.0"
