-- 按时报送: the first time an agency's list for a month was answered 503 because this service had not yet
-- received the targets naming its townships. The list sent again later counts as sent then: the wait was ours.
create table list_waited (
    agency   varchar(30) not null,
    month    varchar(7)  not null,
    first_at timestamptz not null,
    primary key (agency, month)
);
