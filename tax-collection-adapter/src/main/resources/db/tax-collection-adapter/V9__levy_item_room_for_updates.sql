-- A levy item is written again by nearly every fact about its person (the assessment, each payment, the
-- settlement, the coverage start): with room left on its page the new version stays there and its five
-- indexes are not touched (a heap-only update), as long as no indexed column changed. Packed full, nine
-- in ten updates went to another page, each with five index entries (county benchmark at share 0.2).
alter table levy_item set (fillfactor = 70);
