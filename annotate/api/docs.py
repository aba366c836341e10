"""The API's own description, public so tools can read it before they hold a token."""
from flask import jsonify

from annotate.api import bp
from annotate.api.openapi import document


@bp.get("/openapi.json")
def openapi_document():
    """The OpenAPI 3.1 document that describes this API exactly."""
    return jsonify(document())
