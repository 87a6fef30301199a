-- 教育系统 (Lishi): where a campaign has one, the residents enrolled through a school count there, not in their township.
alter table township_target add column unit_type varchar(20);
alter table person_year add column school varchar(100);
