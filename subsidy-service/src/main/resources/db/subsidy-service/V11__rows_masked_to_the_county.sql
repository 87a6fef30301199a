-- The agencies' rows were masked by older rules than the one every service masks by now (PersonIds.maskIdNumber),
-- and a row names no person id to ask the roster's mask with: the rows kept before show the county alone.
update adjustment_row set id_number_masked = left(id_number_masked, 6) || repeat('*', 12)
where right(id_number_masked, 1) <> '*';
