-- One person shows one mask (PersonIds.maskIdNumber): every year of a person one of whose enrolments shows the county
-- alone shows it too. Enrolments announced 6+1 under an older rule keep it, as later ones of the person do
-- (EnrolmentService.withTheirMasks): turned to the county alone now, they would tell which side of the rule's threshold
-- the birth lies, next to the 6+1 and the birth year already announced.
update enrolment set id_number_masked = left(id_number_masked, 6) || repeat('*', 12)
where right(id_number_masked, 1) <> '*'
  and person_id in (select person_id from enrolment where right(id_number_masked, 1) = '*');
