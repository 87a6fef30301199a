-- ShedLock: a scheduled job runs in one replica of a service at a time (issue 7); the lock's
-- times are the database's, so replicas with skewed clocks agree.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
