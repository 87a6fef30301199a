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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 医保电子凭证激活: each resident's activation is kept once and announced for the person's latest
 * enrolment, so that reporting counts it in that unit. The e-voucher platform's list may name someone
 * whose township has not sent its list yet: that activation is kept and announced when the person is
 * enrolled ({@link #announceKept}), not refused.
 */
@Service
class EVoucherService {

    /** A row that passed the checks. */
    record Valid(int row, String idNumber, LocalDate activatedOn) {

        /** Without the number, should a row ever reach a log line. */
        @Override
        public String toString() {
            return "Valid[row=" + row + ", activatedOn=" + activatedOn + "]";
        }
    }

    private final EnrolmentStore roster;
    private final PersonIds personIds;
    private final OutboxWriter outbox;
    private final NearBirthService nearBirth;
    private final Clock clock;

    EVoucherService(EnrolmentStore roster, PersonIds personIds, OutboxWriter outbox, NearBirthService nearBirth, Clock clock) {
        this.roster = roster;
        this.nearBirth = nearBirth;
        this.personIds = personIds;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * What a list of activations came to.
     *
     * @param notYetEnrolled of the accepted, the people not on the roster: kept, and counted once they are enrolled
     */
    record Outcome(int accepted, int notYetEnrolled, List<BatchOutcome.Rejection> rejected) {
    }

    @Transactional
    Outcome record(List<Valid> rows, List<BatchOutcome.Rejection> rejected) {
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
        Map<String, LocalDate> activatedOn = new HashMap<>();
        byPerson.forEach((personId, row) -> activatedOn.put(personId, row.activatedOn()));
        Map<String, LocalDate> recorded = roster.activateAll(activatedOn, enrolled.keySet(), now);
        List<OutboxMessage> announcements = new ArrayList<>();
        NearBirthService.Dates judge = nearBirth.dates();
        recorded.forEach((personId, firstDay) -> {
            EnrolmentStore.Active active = enrolled.get(personId);
            if (active != null) {
                announcements.add(OutboxMessage.of(announcement(personId, active.coverageYear(), active.region(), firstDay,
                        judge.near(firstDay, NearBirthService.Person.of(active))), now));
            }
        });
        outbox.appendAll(announcements);
        refused.sort(Comparator.comparingInt(BatchOutcome.Rejection::row));
        int notYetEnrolled = (int) byPerson.keySet().stream().filter(personId -> !enrolled.containsKey(personId)).count();
        return new Outcome(byPerson.size(), notYetEnrolled, refused);
    }

    /** The kept activations of people just enrolled, announced for that enrolment; in the enrolment's transaction. */
    @Transactional
    void announceKept(List<Enrolment> enrolledNow) {
        if (enrolledNow.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, LocalDate> kept = roster.announceKeptActivations(enrolledNow.stream().map(Enrolment::personId).toList(), now);
        List<OutboxMessage> announcements = new ArrayList<>();
        Set<String> announced = new HashSet<>();
        NearBirthService.Dates judge = nearBirth.dates();
        for (Enrolment enrolment : enrolledNow) {
            LocalDate activatedOn = kept.get(enrolment.personId());
            if (activatedOn != null && announced.add(enrolment.personId())) {
                announcements.add(OutboxMessage.of(announcement(enrolment.personId(), enrolment.coverageYear(), enrolment.region(), activatedOn,
                        judge.near(activatedOn, NearBirthService.Person.of(enrolment))), now));
            }
        }
        outbox.appendAll(announcements);
    }

    /**
     * An activation near the birth travels as the flag alone: parents activating a newborn's e-voucher in its first week,
     * beside its enrolment, told the birth to a few days (EVENTS.md, the 10,000 candidates).
     */
    private static EVoucherActivated announcement(String personId, int coverageYear, String region, LocalDate activatedOn,
            boolean fromBirth) {
        return new EVoucherActivated(personId, coverageYear, region, fromBirth ? null : activatedOn, fromBirth ? true : null);
    }
}
