-- Months the corpus pass gives the events of an undated report (bilateral.store.analysis.date_undated_events) are
-- marked, so the next corpus pass reads those events as undated again and gives the same stories; a re-analysis
-- writes the events afresh, unmarked.
ALTER TABLE events ADD COLUMN dated_by_story INTEGER NOT NULL DEFAULT 0;
