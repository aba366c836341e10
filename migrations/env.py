import logging
from contextlib import contextmanager
from logging.config import fileConfig

from flask import current_app
from sqlalchemy import text

from alembic import context

# this is the Alembic Config object, which provides
# access to the values within the .ini file in use.
config = context.config

# Interpret the config file for Python logging.
# This line sets up loggers basically.
fileConfig(config.config_file_name)
logger = logging.getLogger('alembic.env')


def get_engine():
    return current_app.extensions['migrate'].db.engine


def get_engine_url():
    try:
        return get_engine().url.render_as_string(hide_password=False).replace(
            '%', '%%')
    except AttributeError:
        return str(get_engine().url).replace('%', '%%')


# add your model's MetaData object here
# for 'autogenerate' support
# from myapp import mymodel
# target_metadata = mymodel.Base.metadata
config.set_main_option('sqlalchemy.url', get_engine_url())
target_db = current_app.extensions['migrate'].db

# other values from the config, defined by the needs of env.py,
# can be acquired:
# my_important_option = config.get_main_option("my_important_option")
# ... etc.


def get_metadata():
    if hasattr(target_db, 'metadatas'):
        return target_db.metadatas[None]
    return target_db.metadata


def run_migrations_offline():
    """Run migrations in 'offline' mode.

    This configures the context with just a URL
    and not an Engine, though an Engine is acceptable
    here as well.  By skipping the Engine creation
    we don't even need a DBAPI to be available.

    Calls to context.execute() here emit the given string to the
    script output.

    """
    url = config.get_main_option("sqlalchemy.url")
    context.configure(
        url=url, target_metadata=get_metadata(), literal_binds=True
    )

    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    """Run migrations in 'online' mode.

    In this scenario we need to create an Engine
    and associate a connection with the context.

    """

    # this callback is used to prevent an auto-migration from being generated
    # when there are no changes to the schema
    # reference: http://alembic.zzzcomputing.com/en/latest/cookbook.html
    def process_revision_directives(context, revision, directives):
        if getattr(config.cmd_opts, 'autogenerate', False):
            script = directives[0]
            if script.upgrade_ops.is_empty():
                directives[:] = []
                logger.info('No changes in schema detected.')

    conf_args = current_app.extensions['migrate'].configure_args
    if conf_args.get("process_revision_directives") is None:
        conf_args["process_revision_directives"] = process_revision_directives

    connectable = get_engine()

    with connectable.connect() as connection:
        if connection.dialect.name == 'sqlite':
            with sqlite_foreign_keys_off(connection):
                # One transaction for the whole run (SQLite's DDL is transactional, but the driver only opens a
                # transaction before data changes): a failed check below takes every migration of the run back.
                run_checked_migrations(connection, conf_args, transactional_ddl=True)
        else:
            run_checked_migrations(connection, conf_args)


def run_checked_migrations(connection, conf_args, **options):
    """Run the migrations, then refuse to commit a database whose rows, triggers or expression indexes are not
    whole."""
    context.configure(
        connection=connection,
        target_metadata=get_metadata(),
        **conf_args,
        **options
    )

    with context.begin_transaction():
        if connection.dialect.name == 'sqlite':
            connection.exec_driver_sql('BEGIN')
        context.run_migrations()
        if context.get_context().opts.get('dont_mutate'):  # `flask db current` only reads
            return
        if connection.dialect.name == 'sqlite':
            check_foreign_keys(connection)
        check_triggers(connection)
        check_expression_indexes(connection)


@contextmanager
def sqlite_foreign_keys_off(connection):
    """Foreign keys unenforced while the migrations run (Alembic's advice for batch mode), and enforced again after.

    Batch mode rebuilds a table on SQLite: it copies it, drops the old one and renames the copy. With foreign keys
    enforced, dropping article, sentence, claim or user deletes or refuses the rows that refer to it (dropping
    article deleted every sentence and claim). SQLite ignores the PRAGMA inside a transaction, so it is set on the
    driver's connection before the migrations' transaction begins, and read back.
    """
    driver = connection.connection.dbapi_connection
    if driver.in_transaction:
        raise RuntimeError('Migrations on SQLite: a transaction is already open, so foreign keys cannot be turned '
                           'off for the migrations; nothing was migrated.')
    enforced = driver.execute('PRAGMA foreign_keys').fetchone()[0]
    driver.execute('PRAGMA foreign_keys=OFF')
    if driver.execute('PRAGMA foreign_keys').fetchone()[0]:
        raise RuntimeError('Migrations on SQLite: PRAGMA foreign_keys=OFF did not take; nothing was migrated.')
    try:
        yield
    finally:
        driver.execute(f'PRAGMA foreign_keys={"ON" if enforced else "OFF"}')
        if driver.execute('PRAGMA foreign_keys').fetchone()[0] != enforced:
            connection.invalidate()  # never hand the pool a connection whose foreign keys are off


def check_foreign_keys(connection):
    """Every row's foreign keys find their rows (SQLite, where the migrations ran without enforcing them)."""
    broken = connection.exec_driver_sql('PRAGMA foreign_key_check').all()
    if broken:
        shown = '; '.join(f'{table} row {rowid} refers to a missing {parent} row' for table, rowid, parent, _ in
                          broken[:10])
        raise RuntimeError(f'Migrations on SQLite: PRAGMA foreign_key_check found {len(broken)} row(s) referring '
                           f'to missing rows ({shown}); the migrations were rolled back.')


def check_triggers(connection):
    """The triggers the schema should have at the revision the run ends at all exist (0012's figures).

    A revision that creates triggers says which in `schema_triggers(dialect_name)`; the newest such revision at or
    below the database's revision holds. On SQLite a table rebuilt by batch mode loses its triggers silently.
    """
    check_made(connection, 'schema_triggers', 'triggers', {
        'postgresql': 'SELECT tgname FROM pg_trigger WHERE NOT tgisinternal',
        'sqlite': "SELECT name FROM sqlite_master WHERE type = 'trigger'"})


def check_expression_indexes(connection):
    """The indexes on expressions the schema should have exist (0013's lower(username)): batch mode cannot
    reflect them, so on SQLite a rebuilt table loses them silently too. Declared as `schema_expression_indexes`."""
    check_made(connection, 'schema_expression_indexes', 'indexes', {
        'postgresql': 'SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()',
        'sqlite': "SELECT name FROM sqlite_master WHERE type = 'index'"})


def check_made(connection, declaration, kind, queries):
    """What the newest revision at or below the database's that declares `declaration` names all exists."""
    heads = context.get_context().get_current_heads()
    for script in context.script.iterate_revisions(heads, 'base'):
        named = getattr(script.module, declaration, None)
        if named is not None:
            expected = set(named(connection.dialect.name))
            break
    else:
        return
    missing = expected - set(connection.scalars(text(queries[connection.dialect.name])))
    if missing:
        raise RuntimeError(f'Migrations: at revision {", ".join(heads)} the database lacks the {kind} '
                           f'{", ".join(sorted(missing))} (revision {script.revision} makes them; a migration '
                           f'that rebuilds their tables must make them again); the migrations were rolled back.')


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
