-- A registration replaced by a later one (registered again after a withdrawal) keeps the moment it settled: the new one
-- settles anew from its own time (person_year.settled_at), and a past moment in the old one was held to what the person had
-- settled at then. Null for registrations replaced before this column (not kept then) and for one never settled: such a
-- moment is held to the payable in force then, as before.
alter table registration_ended add column settled_at timestamptz;
