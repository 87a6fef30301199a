-- 教育系统 (Lishi): a unit beside the townships where residents enrolled through a school count.
alter table township_target add column unit_type varchar(20);
