-- enrollment-service masks a NEWBORN's ID number to the county alone, however late the child is enrolled
-- (its V9). Rows read from the announcements made before keep the county alone too.
update person_year set id_number_masked = left(id_number_masked, 6) || repeat('*', 12)
where person_category = 'NEWBORN' and id_number_masked is not null and right(id_number_masked, 1) <> '*';
