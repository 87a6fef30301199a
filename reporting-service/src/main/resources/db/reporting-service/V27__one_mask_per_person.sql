-- Every year of a person one of whose enrolments shows the county alone shows it too (enrollment's V12 re-masked the
-- roster; the read model holds the masks announced before).
update person_year set id_number_masked = left(id_number_masked, 6) || repeat('*', 12)
where right(id_number_masked, 1) <> '*'
  and person_id in (select person_id from person_year where right(id_number_masked, 1) = '*');
