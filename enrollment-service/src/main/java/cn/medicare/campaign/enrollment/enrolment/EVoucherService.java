package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.events.EVoucherActivated;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.kit.outbox.OutboxMessage;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.web.InputError;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 医保电子凭证激活: each resident's activation is kept once and announced for the person's latest
 * enrolment, so that reporting counts it in that unit. Someone not on the roster is a rejected row:
 * no unit could count them.
 */
@Service
class EVoucherService {

    /** A row that passed the checks. */
    record Valid(int row, String idNumber, LocalDate activatedOn) {
    }

    private final EnrolmentStore roster;
    private final PersonIds personIds;
    private final OutboxWriter outbox;
    private final Clock clock;

    EVoucherService(EnrolmentStore roster, PersonIds personIds, OutboxWriter outbox, Clock clock) {
        this.roster = roster;
        this.personIds = personIds;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    BatchOutcome record(List<Valid> rows, List<BatchOutcome.Rejection> rejected) {
        Instant now = clock.instant();
        Map<String, Valid> byPerson = new HashMap<>();
        List<BatchOutcome.Rejection> refused = new ArrayList<>(rejected);
        for (Valid row : rows) {
            // every row is answered: a person's second row is the list's mistake, as in an enrolment list
            if (byPerson.putIfAbsent(personIds.personId(row.idNumber()), row) != null) {
                refused.add(new BatchOutcome.Rejection(row.row(), List.of(InputError.row(row.row(), "idNumber",
                        "该居民在本名单中重复出现，以第一行为准 / the resident appears more than once in this list: the first row counts"))));
            }
        }
        Map<String, EnrolmentStore.Active> enrolled = new HashMap<>();
        roster.latestAmong(new ArrayList<>(byPerson.keySet())).forEach(active -> enrolled.put(active.personId(), active));
        Map<String, LocalDate> known = new HashMap<>();
        byPerson.forEach((personId, row) -> {
            if (enrolled.containsKey(personId)) {
                known.put(personId, row.activatedOn());
            } else {
                refused.add(new BatchOutcome.Rejection(row.row(), List.of(InputError.row(row.row(), "idNumber",
                        "该居民不在参保名册中 / the resident is not on the roster"))));
            }
        });
        Set<String> added = roster.activateAll(known, now);
        List<OutboxMessage> announcements = new ArrayList<>();
        for (String personId : added) {
            EnrolmentStore.Active active = enrolled.get(personId);
            announcements.add(OutboxMessage.of(new EVoucherActivated(personId, active.coverageYear(), active.region(), known.get(personId)), now));
        }
        outbox.appendAll(announcements);
        refused.sort(Comparator.comparingInt(BatchOutcome.Rejection::row));
        return new BatchOutcome(known.size(), refused);
    }
}
