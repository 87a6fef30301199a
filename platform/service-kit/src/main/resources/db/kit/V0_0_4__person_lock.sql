-- One row per person a transaction has changed: writers lock the rows of the people they change,
-- all in one order (by person id), instead of one lock for the whole service; see PersonLocks.
create table person_lock (
    person_id varchar(64) primary key
);
