-- The pair of countries the user named with `--dyad AAA-BBB` (e.g. "USA-CHN"), which names the relationship in the
-- exports and the briefing; NULL when none was named (the pair is then inferred from the events).
ALTER TABLE store_state ADD COLUMN dyad TEXT;
