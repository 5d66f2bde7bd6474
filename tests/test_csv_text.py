"""tables.sinks.csv_text writes the text the csv module's writer writes (QUOTE_MINIMAL), for any cells."""
import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lishui_analysis import schema
from lishui_analysis.tables import sinks

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _by_csv_module(table, columns):
    """csv_text as it was: every row through the csv module's writer."""
    cols = []
    for c in schema.TABLES[table]:
        values = columns[c.name]
        if c.dtype == "float":
            values = [("" if v is None or v != v else "%.10g" % v) for v in values]
        elif c.dtype == "str":
            values = [sinks.csv_cell(v) for v in values]
        cols.append(values)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(zip(*cols))
    return buf.getvalue()


_TEXT = st.text(alphabet=st.sampled_from(list('云岭,"\n\r\t =+-@\'；，“”a1 ') + ["\x00", "\u2028"]), max_size=12)
_CELL = {"str": st.one_of(st.none(), _TEXT), "int": st.one_of(st.none(), st.integers(-10**12, 10**12)),
         "float": st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
         "bool": st.one_of(st.none(), st.booleans())}


@SETTINGS
@given(st.sampled_from(sorted(sinks.STREAMED)), st.integers(0, 6), st.data())
def test_any_cells_written_as_the_csv_module_writes_them(table, n, data):
    columns = {c.name: [data.draw(_CELL.get(c.dtype, _CELL["str"])) for _ in range(n)] for c in schema.TABLES[table]}
    assert sinks.csv_text(table, columns) == _by_csv_module(table, columns)


def test_the_characters_the_csv_writer_quotes_are_known():
    assert sinks._SPECIAL is not None and set(',"\n') <= set(sinks._SPECIAL)
