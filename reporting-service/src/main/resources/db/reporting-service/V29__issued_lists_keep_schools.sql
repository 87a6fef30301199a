-- A Friday issue's rows name the school a pupil enrolled through since this version, so that a school's list can be read as
-- it was issued; an issue kept before cannot tell its pupils apart, and a school's list of it is refused rather than empty.
alter table issued_list add column keeps_schools boolean not null default false;
