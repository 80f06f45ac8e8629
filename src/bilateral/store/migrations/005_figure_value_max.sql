-- The top of a figure's range ("$2-3 billion", "between 5% and 7%", "tens of thousands"): `value` is the bottom.
-- NULL for a single value.
ALTER TABLE figures ADD COLUMN value_max REAL;
