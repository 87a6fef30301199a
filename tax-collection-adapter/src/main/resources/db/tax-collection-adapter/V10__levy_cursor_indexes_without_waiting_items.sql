-- An item whose change waits for its cursor (change_cursor null, V8) is found through levy_item_unsequenced; the
-- reader pages by the cursors given, so the waiting items need no entry in the cursor's two indexes. With
-- them every change a consumer wrote outside the page added an entry to each (county benchmark: a sixth of the
-- WAL the levy list writes). Rebuilt in the migration's transaction: some seconds per million items.
drop index levy_item_change_cursor;
create unique index levy_item_change_cursor on levy_item (change_cursor) where change_cursor is not null;
drop index levy_item_changes;
create index levy_item_changes on levy_item (region, coverage_year, change_cursor)
    where id_number_sealed is not null and change_cursor is not null;
