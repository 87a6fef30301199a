-- The county whose agency certified: assistance is 免申即享 where the person is registered (DOMAIN.md), so a
-- certification counts for an enrolment in its own county only, as reporting counts it. Rows certified before
-- it was kept name none and count anywhere, as they did.
alter table certification add column region varchar(6);
