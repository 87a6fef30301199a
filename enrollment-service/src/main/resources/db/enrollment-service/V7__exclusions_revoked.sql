-- A withdrawal revoked (撤销) lifts the list's fact behind it: the person was not dead, or not in employee
-- insurance or another region after all. The fact is kept, marked, so that the same list sent again does not
-- withdraw the person a second time; a new date for the person is a new fact.
alter table exclusion add column revoked_at timestamptz;
alter table exclusion add column revoked_by varchar(64);
