"""Hints to SQLite's query planner that leave the SQL of other databases as it is."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.selectable import Alias, FromClause


class unindexed(FunctionElement[Any]):  # noqa: N801  (used like a SQL function)
    """A column as it is, written +column on SQLite: the unary plus changes no value (of any
    type) but keeps SQLite from driving the query through an index on that column, where an
    index that holds most of the table's rows costs a row lookup for each of them (a plain
    scan of the table reads each page once). PostgreSQL gets the column: its planner weighs
    the two with statistics."""

    inherit_cache = True

    def __init__(self, column: Any) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(unindexed)
def _column(element: unindexed, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(list(element.clauses)[0], **kw))


@compiles(unindexed, "sqlite")
def _column_sqlite(element: unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(list(element.clauses)[0], **kw))


class _IndexedBy(Alias):
    """An alias of a table, named after the index SQLite reads it through (INDEXED BY)."""

    inherit_cache = True


@compiles(_IndexedBy)
def _alias(element: _IndexedBy, compiler: Any, **kw: Any) -> str:
    return str(compiler.visit_alias(element, **kw))


@compiles(_IndexedBy, "sqlite")
def _alias_sqlite(element: _IndexedBy, compiler: Any, **kw: Any) -> str:
    text = str(compiler.visit_alias(element, **kw))
    return f"{text} INDEXED BY {element.name}" if kw.get("asfrom") else text


def indexed_by(table: FromClause, index: str) -> Alias:
    """`table` aliased as `index`, read by SQLite through that index only: for a covering index
    the planner would pass over without statistics (it looks rows up by their rowid in the
    table, whose wide rows cost many more pages than the index's). Other databases get a plain
    alias. The alias is named after the index so that SQLAlchemy's statement cache, which keys
    an alias on its name, never mixes two indexes."""
    return _IndexedBy._construct(table, name=index)
