-- 同缴同补 counts up to the campaign's assistance cut-off (the end of the collection period unless the
-- campaign says otherwise), and outside the period a person may owe individual + fiscal subsidy.
alter table campaign rename column collection_end to assistance_cutoff;
alter table enrolment add column amount_rule varchar(30) not null default 'INDIVIDUAL';
