package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.kit.locking.PersonLocks;
import cn.medicare.campaign.kit.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists from other agencies, applied in bulk (DOMAIN.md: "A person enrols once"): deaths (公安/卫健),
 * employee-insurance enrolments (人社/医保) and enrolments in other regions. Whoever is on the roster
 * is withdrawn with the right reason and date; everybody is kept, so that a later enrolment is
 * refused with the reason. A fact whose withdrawal was revoked (撤销) withdraws nobody when the list
 * comes again with the same date.
 */
@Service
class FeedService {

    /** The lists, each with the withdrawal it causes and whether it is about one coverage year. */
    enum Feed {
        DEATHS(ExclusionStore.Kind.DECEASED, WithdrawalReason.DECEASED, false, "死亡名单"),
        EMPLOYEE_INSURANCE(ExclusionStore.Kind.EMPLOYEE_INSURANCE, WithdrawalReason.EMPLOYEE_INSURANCE, true, "职工医保参保名单"),
        OTHER_REGION(ExclusionStore.Kind.OTHER_REGION, WithdrawalReason.MOVED_AWAY, true, "异地参保名单");

        final ExclusionStore.Kind kind;
        final WithdrawalReason reason;
        final boolean perYear;
        final String chinese;

        Feed(ExclusionStore.Kind kind, WithdrawalReason reason, boolean perYear, String chinese) {
            this.kind = kind;
            this.reason = reason;
            this.perYear = perYear;
            this.chinese = chinese;
        }

        /** The list a withdrawal of this reason may have come from; a duplicate comes from none. */
        static Optional<Feed> behind(WithdrawalReason reason) {
            return Arrays.stream(values()).filter(feed -> feed.reason == reason).findFirst();
        }
    }

    /** A valid row: whose, and the date of the fact (death, joining employee insurance, enrolment elsewhere). */
    record FeedRow(String idNumber, LocalDate date) {

        @Override
        public String toString() {
            return "FeedRow[date=" + date + ", number hidden]";
        }
    }

    record Applied(int rows, int withdrawn, int kept) {
    }

    private final EnrolmentStore roster;
    private final ExclusionStore exclusions;
    private final WithdrawalService withdrawals;
    private final PersonIds personIds;
    private final Clock clock;
    private final PersonLocks locks;

    FeedService(EnrolmentStore roster, ExclusionStore exclusions, WithdrawalService withdrawals, PersonIds personIds, Clock clock,
            PersonLocks locks) {
        this.locks = locks;
        this.roster = roster;
        this.exclusions = exclusions;
        this.withdrawals = withdrawals;
        this.personIds = personIds;
        this.clock = clock;
    }

    @Transactional
    Applied apply(Caller caller, Feed feed, Integer coverageYear, List<FeedRow> rows) {
        Map<String, LocalDate> dates = new HashMap<>();
        for (FeedRow row : rows) {
            // a person twice in one list: the earliest date counts
            dates.merge(personIds.personId(row.idNumber()), row.date(), (a, b) -> a.isBefore(b) ? a : b);
        }
        List<String> people = new ArrayList<>(dates.keySet());
        // an enrolment committing meanwhile would find no fact, and this list no enrolment to withdraw
        locks.lock(people);
        // after the locks: an enrolment that held them committed its PersonEnrolled earlier, and consumers keep the later
        Instant now = clock.instant();
        Integer year = feed.perYear ? coverageYear : null;
        Map<String, LocalDate> revoked = exclusions.revokedAmong(feed.kind, year, people);
        List<EnrolmentStore.Active> enrolled = roster.activeAmong(people, year).stream()
                // a death ends the enrolments of its year and after; an earlier year's stood until it ended
                .filter(active -> year != null || active.coverageYear() >= dates.get(active.personId()).getYear())
                .filter(active -> !dates.get(active.personId()).equals(revoked.get(active.personId())))
                .filter(active -> feed != Feed.EMPLOYEE_INSURANCE
                        || !EnrolmentBlockRule.leftEmployeeInsurance(active.employeeInsuranceEnded(), dates.get(active.personId())))
                .toList();
        withdrawals.withdrawAll(enrolled, feed.reason, dates, caller.clientId(), now, day -> feed.chinese + "：自" + day + "起终止参保");
        exclusions.addAll(feed.kind, year, dates, feed.name() + " by " + caller.clientId(), now);
        return new Applied(rows.size(), enrolled.size(), dates.size());
    }
}
