package cn.medicare.campaign.subsidy.assessment;

import cn.medicare.campaign.contracts.codes.AssessmentReason;
import cn.medicare.campaign.kit.locking.PersonLocks;
import cn.medicare.campaign.subsidy.roster.RosterStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new campaign version reassesses everyone under it, a chunk of people per transaction: each
 * chunk locks only its own people, so consumers and agency lists wait for a chunk at most, and a
 * county's 277,000 people never sit in one transaction. Whoever an event or a list changes meanwhile
 * is reassessed by that writer under the version now stored, so the order does not matter; a chunk
 * publishes only the assessments that change.
 */
@Service
public class ReassessmentService {

    private static final Logger log = LoggerFactory.getLogger(ReassessmentService.class);

    private final ReassessmentStore requests;
    private final RosterStore roster;
    private final AssessmentService assessor;
    private final PersonLocks locks;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int chunkSize;

    ReassessmentService(ReassessmentStore requests, RosterStore roster, AssessmentService assessor, PersonLocks locks,
            TransactionTemplate transaction, Clock clock, @Value("${insurance.subsidy.reassessment-chunk:5000}") int chunkSize) {
        this.requests = requests;
        this.roster = roster;
        this.assessor = assessor;
        this.locks = locks;
        this.transaction = transaction;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    /** In the transaction that stored the new version: the request is kept with it, or lost with it. */
    public void request(String region, int coverageYear) {
        requests.request(region, coverageYear, clock.instant());
    }

    /**
     * Once per cluster; should a run outlast its lock, a second replica's chunks of the same people
     * wait for the first's person locks, find the assessments already current and publish nothing,
     * and only one of them moves the request on.
     */
    @Scheduled(fixedDelayString = "${insurance.subsidy.reassessment-every:PT2S}")
    @SchedulerLock(name = "reassessment", lockAtMostFor = "PT30M")
    public void reassessPending() {
        for (ReassessmentStore.Pending request : requests.pending()) {
            try {
                reassess(request);
            } catch (RuntimeException e) {
                // the request stays where its last chunk left it; the next run tries again, the other campaigns go on
                log.error("Reassessing campaign {} {} stopped; it goes on at the next run", request.region(), request.coverageYear(), e);
            }
        }
    }

    private void reassess(ReassessmentStore.Pending request) {
        int people = 0;
        int chunks = 0;
        Chunk done;
        ReassessmentStore.Pending at = request;
        do {
            ReassessmentStore.Pending from = at;
            done = transaction.execute(status -> chunk(from));
            people += done.people();
            chunks++;
            at = done.next();
        } while (at != null);
        // a campaign defined before anyone enrolled has nobody to reassess: nothing worth a line
        if (done.finished() && people > 0) {
            log.info("Reassessed {} person(s) of campaign {} {} in {} chunk(s), {} s after the version asked for it", people,
                    request.region(), request.coverageYear(), chunks, Duration.between(request.requestedAt(), clock.instant()).toSeconds());
        }
    }

    /**
     * @param next where the next chunk starts; null after the last one, or when a newer version (or
     *        another replica) moved the request on meanwhile: the next run goes on from there
     */
    private record Chunk(int people, ReassessmentStore.Pending next, boolean finished) {
    }

    private Chunk chunk(ReassessmentStore.Pending from) {
        List<String> people = roster.registeredPersonsAfter(from.region(), from.coverageYear(), from.after(), chunkSize);
        locks.lock(people);
        assessor.reassessAll(people, from.coverageYear(), AssessmentReason.CAMPAIGN_CHANGED);
        String last = people.size() < chunkSize ? null : people.get(people.size() - 1);
        if (!requests.advance(from, last)) {
            return new Chunk(people.size(), null, false);
        }
        return last == null ? new Chunk(people.size(), null, true)
                : new Chunk(people.size(), new ReassessmentStore.Pending(from.region(), from.coverageYear(), last, from.generation(),
                        from.requestedAt()), false);
    }
}
