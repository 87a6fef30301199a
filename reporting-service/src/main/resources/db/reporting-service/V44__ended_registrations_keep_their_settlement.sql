-- A registration replaced by a later one (registered again after a withdrawal) keeps the moment it settled: the new one
-- settles anew from its own time (person_year.settled_at), and a past moment in the old one was held to what the person had
-- settled at then. Null for registrations replaced before this column (not kept then) and for one never settled: such a
-- moment is held to the payable in force then, as before.
alter table registration_ended add column settled_at timestamptz;
-- A registration replaced before this column and not followed by one settled anew since (registered again before the
-- withdrawal's day, or a revocation's) shares the person-year's settlement, as every moment read it before; one before a
-- registration settled anew keeps none (unknown).
update registration_ended e set settled_at = p.settled_at
from person_year p
where p.person_id = e.person_id and p.coverage_year = e.coverage_year
  and (p.settled_anew_at is null or e.registered_at >= p.settled_anew_at);
