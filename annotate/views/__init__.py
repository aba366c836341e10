"""Blueprints: thin views that parse a form, call one operation, commit and render."""
