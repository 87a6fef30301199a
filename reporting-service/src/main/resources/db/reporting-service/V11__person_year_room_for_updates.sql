-- A person-year is written again by nearly every batch about its person (the assessment, each payment, its
-- settlement): with room left on its page the new version stays there and the two indexes are not touched
-- (a heap-only update). Packed full, 93 % of the updates went elsewhere, each with two index entries.
alter table person_year set (fillfactor = 70);
