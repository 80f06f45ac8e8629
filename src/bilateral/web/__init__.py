"""The local web app: the map server-rendered for reading, with a JSON API beside every page."""

from bilateral.web.app import create_app, serve

__all__ = ["create_app", "serve"]
