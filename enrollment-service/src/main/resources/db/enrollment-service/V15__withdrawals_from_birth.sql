-- A withdrawal dated on or near the birth (NearBirthRule) is shown and published as from the birth, never its date:
-- decided once, when it is made, on the public bounds of the birth known then, so that the view and the event agree.
alter table enrolment add column withdrawn_from_birth boolean not null default false;
-- A withdrawal made before this column and dated on the birth itself (a newborn withdrawn as a duplicate from its first
-- day) is shown so from now on; one dated days after it was announced in clear then, and is shown as it was.
update enrolment set withdrawn_from_birth = true where withdrawn_on = birth_date;
