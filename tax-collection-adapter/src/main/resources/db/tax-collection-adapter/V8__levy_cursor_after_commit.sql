-- A change clears its item's cursor; the reader of the list hands out cursors to committed changes
-- (LevyItemStore.sequencePending), so writers no longer queue behind one lock to take cursors in order.
alter table levy_item alter column change_cursor drop not null;
create index levy_item_unsequenced on levy_item (person_id, coverage_year) where change_cursor is null;
