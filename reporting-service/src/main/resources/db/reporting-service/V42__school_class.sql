-- A pupil's class (附件4's 村/社区/班级 for a pupil, PersonEnrolled's schoolClass, its ID-like runs redacted by enrollment), so
-- that a school's Friday list names its pupils by class, as a head teacher chases them. Null for everyone else, and for
-- person-years registered before this version until they are registered again.
alter table person_year add column school_class varchar(100);
