"""The digital tiltakshefte for Jobbvinner: a validated content core and its site builder."""

__version__ = "0.1.0"
