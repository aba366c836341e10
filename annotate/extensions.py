"""Flask extensions, created unbound here and bound in create_app().

Flask-Migrate is not among them: it loads Alembic, which only the schema commands need (annotate.migrations).
"""
from flask_compress import Compress
from flask_htmx import HTMX
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Declarative base so every model is a typed SQLAlchemy 2 mapping."""


db = SQLAlchemy(model_class=Base)
csrf = CSRFProtect()
login_manager = LoginManager()
htmx = HTMX()
compress = Compress()
# Limits are declared where they apply (web.throttle); storage from RATELIMIT_STORAGE_URI (memory by default).
limiter = Limiter(key_func=get_remote_address, headers_enabled=True)
