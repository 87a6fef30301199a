package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.contracts.events.ListsIssued;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 名单下发: issues a campaign's four Friday lists as they stand, keeps them (contacts sealed as
 * they arrived) and announces them (ListsIssued, counts only). Once per campaign and business day
 * by the schedule and once by the bureau: a second issue of either the same day is refused by the
 * database, and the bureau's morning issue never stands in for the schedule's 17:00 one.
 */
@Service
class ListIssueService {

    private final PersonListStore lists;
    private final IssuedListStore issued;
    private final OutboxWriter outbox;
    private final Clock clock;

    ListIssueService(PersonListStore lists, IssuedListStore issued, OutboxWriter outbox, Clock clock) {
        this.lists = lists;
        this.issued = issued;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(isolation = Isolation.REPEATABLE_READ)
    ListsIssued issue(String region, int coverageYear, boolean scheduled) {
        UUID issueId = UUID.randomUUID();
        Instant now = clock.instant();
        List<ListsIssued.Issued> counts = new ArrayList<>();
        for (PersonList list : PersonList.values()) {
            List<PersonListStore.Listed> people = lists.people(list, region, coverageYear, null, null, null, null, BusinessTime.today(clock));
            issued.add(issueId, list, region, coverageYear, now, scheduled, people);
            counts.add(new ListsIssued.Issued(list.path, people.size()));
        }
        ListsIssued event = new ListsIssued(issueId.toString(), region, coverageYear, now, counts);
        outbox.append(event);
        return event;
    }
}
