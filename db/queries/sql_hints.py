"""Hints to SQLite's query planner that leave the SQL of other databases as it is."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


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
