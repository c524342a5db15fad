"""Alembic's environment for the hub: run by ``hub.migrations.upgrade`` on a connection it already
holds (and has locked), or by the ``alembic`` command with ``-x url=...`` for developers."""

from __future__ import annotations

from alembic import context

from hub.db import Base, make_engine

config = context.config
connection = config.attributes.get("connection")

if context.is_offline_mode():  # alembic upgrade --sql: the statements for a DBA to read
    context.configure(url=config.get_main_option("sqlalchemy.url") or context.get_x_argument(as_dictionary=True)["url"],
                      target_metadata=Base.metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
elif connection is not None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    url = config.get_main_option("sqlalchemy.url") or context.get_x_argument(as_dictionary=True)["url"]
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()
