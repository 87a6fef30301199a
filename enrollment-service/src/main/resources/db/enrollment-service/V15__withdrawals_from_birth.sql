-- A withdrawal dated on or near the birth (NearBirthRule) is shown and published as from the birth, never its date:
-- decided once, when it is made, on the public bounds of the birth known then, so that the view and the event agree.
alter table enrolment add column withdrawn_from_birth boolean not null default false;
