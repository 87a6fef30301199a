package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.contracts.codes.AssessmentReason;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.EligibilityAdjusted;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.identity.ContactSealer;
import cn.medicare.campaign.kit.kafka.ConsumerProgress;
import cn.medicare.campaign.kit.locking.PersonLocks;
import cn.medicare.campaign.kit.outbox.OutboxMessage;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.kit.web.RequestValues;
import cn.medicare.campaign.subsidy.assessment.AssessmentService;
import cn.medicare.campaign.subsidy.campaign.CampaignStore;
import cn.medicare.campaign.subsidy.eligibility.AdjustmentYearRule;
import cn.medicare.campaign.subsidy.eligibility.CertificationStore;
import cn.medicare.campaign.subsidy.roster.RosterStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes an agency's monthly list (动态调整): valid rows are recorded as certifications, published as
 * EligibilityAdjusted and reassess the people they name, all in one transaction with the batch and
 * its row outcomes; invalid rows are only reported.
 */
@Service
class AdjustmentBatchService {

    private final BatchStore batches;
    private final CampaignStore campaigns;
    private final CertificationStore certifications;
    private final RosterStore roster;
    private final AssessmentService assessor;
    private final PersonLocks locks;
    private final PersonIds personIds;
    private final OutboxWriter outbox;
    private final TransactionTemplate transaction;
    private final ConsumerProgress progress;
    private final ContactSealer contacts;
    private final Clock clock;

    AdjustmentBatchService(BatchStore batches, CampaignStore campaigns, CertificationStore certifications, RosterStore roster,
            AssessmentService assessor,
            PersonLocks locks, PersonIds personIds, OutboxWriter outbox, TransactionTemplate transaction,
            ConsumerProgress progress, ObjectProvider<ContactSealer> contacts, Clock clock) {
        this.contacts = contacts.getIfAvailable();
        this.batches = batches;
        this.campaigns = campaigns;
        this.certifications = certifications;
        this.roster = roster;
        this.assessor = assessor;
        this.locks = locks;
        this.personIds = personIds;
        this.outbox = outbox;
        this.transaction = transaction;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey null, or a key whose first use decides the answer to every repetition
     * @param rows none for an agency with no change that month: a nil return (零报告), the month's list received all the same
     */
    BatchResult submit(Agency agency, YearMonth month, String idempotencyKey, List<AdjustmentRowInput> rows) {
        if (idempotencyKey != null) {
            var first = batches.idOf(agency, idempotencyKey);
            if (first.isPresent()) {
                return result(first.get());
            }
        }
        Instant now = clock.instant();
        LocalDate today = BusinessTime.today(clock);
        if (month.isAfter(YearMonth.from(today))) {
            // a list for a month still to come would count as on time whenever it was sent
            throw ApiException.invalid("month", "应为本月或更早的月份，不能是 " + month + " / is this month or an earlier one, not " + month);
        }
        // asked before any township is looked up: targets that arrive in the middle of the lookups must
        // not make the townships looked up before them look unknown to a service that then says it is caught up
        boolean campaignsConsumed = progress.caughtUp(Topics.CAMPAIGN);
        List<CheckedRow> checked = new ArrayList<>(rows.size());
        // a list names a handful of townships many times: each is looked up once
        Map<String, Optional<CampaignStore.Township>> townships = new HashMap<>();
        Map<String, List<LocalDate>> openings = new HashMap<>();
        LocalDate firstCollectionDay = campaigns.firstCollectionDay().orElse(null);
        Map<String, Optional<CampaignDefined.SpecialCaseRule>> newbornRules = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            AdjustmentRowInput row = rows.get(i) == null ? new AdjustmentRowInput(null, null, null, null, null, null, null) : rows.get(i);
            checked.add(AdjustmentRowRule.check(i + 1, row, agency, today,
                    township -> townships.computeIfAbsent(township, campaigns::township),
                    region -> openings.computeIfAbsent(region, campaigns::collectionOpenings), firstCollectionDay,
                    idNumber -> newbornBounds(personIds.personId(idNumber), newbornRules)));
        }
        refuseWhileTargetsMayBeOnTheirWay(agency, month, now, checked, townships, campaignsConsumed);
        UUID batchId = UUID.randomUUID();
        // a list that had to wait for this service counts as sent when it first came, once: the wait was ours, not the agency's
        Optional<Instant> waited = batches.firstWaited(agency, month);
        LocalDate sentOn = waited.map(first -> first.atZone(BusinessTime.ZONE).toLocalDate())
                .filter(first -> first.isBefore(today)).orElse(today);
        boolean onTime = !sentOn.isAfter(month.atDay(dueDay(checked)));
        try {
            transaction.executeWithoutResult(status -> {
                waited.ifPresent(first -> batches.waitOver(agency, month));
                batches.insert(batchId, agency, month, now, onTime, idempotencyKey, checked);
                apply(batchId, agency, checked);
            });
        } catch (DuplicateKeyException sameKeyAtTheSameTime) {
            return result(batches.idOf(agency, idempotencyKey).orElseThrow(() -> sameKeyAtTheSameTime));
        }
        return result(batchId);
    }

    /**
     * A township we do not know is the agency's mistake only when we know the targets it should be
     * in. The whole list waits (503, nothing applied) when none of its townships is known and no
     * targets of their county (by the townships' codes; townships named by name, by the county most of the residents' numbers
     * give, where a campaign of it is known) have arrived yet, or when
     * targets are still unconsumed on the topic.
     * A county's first campaign and targets may still be in enrollment-service's outbox, which no
     * topic shows, so a mistyped county code waits too: the answer names its rows, and a clerk who
     * sees the same 503 again checks the code (CANVAS.md). The first wait for targets still on the topic is kept: the next
     * list accepted for the month counts as sent then ({@link BatchStore#firstWaited}).
     */
    private void refuseWhileTargetsMayBeOnTheirWay(Agency agency, YearMonth month, Instant now, List<CheckedRow> checked,
            Map<String, Optional<CampaignStore.Township>> regions, boolean campaignsConsumed) {
        List<String> unknown = regions.entrySet().stream().filter(entry -> entry.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        if (unknown.isEmpty()) {
            return;
        }
        List<String> counties = unknown.stream().filter(township -> AdjustmentRowRule.TOWNSHIP_CODE.matcher(township).matches())
                .map(township -> township.substring(0, 6)).distinct().toList();
        if (counties.isEmpty()) {
            counties = countyOfMostNumbers(checked, county -> !campaigns.collectionOpenings(county).isEmpty()).stream().toList();
        }
        boolean noTargetsYet = unknown.size() == regions.size() && !counties.isEmpty()
                && counties.stream().noneMatch(campaigns::hasTargets);
        if (!noTargetsYet && campaignsConsumed) {
            return;
        }
        List<InputError> waiting = checked.stream()
                .filter(row -> row.input().township() != null && unknown.contains(row.input().township().strip()))
                .map(row -> InputError.row(row.row(), "township",
                        "本服务尚未收到该乡镇的任务分解表 (the targets naming this township have not reached this service yet)"))
                .toList();
        if (!campaignsConsumed) {
            // only our own lag: a county with no targets at all may be a mistyped code, the agency's mistake
            batches.waited(agency, month, now);
        }
        throw ApiException.notYetKnown("本服务尚未收到名单中乡镇的任务分解表，名单未处理，请稍后重新提交整个名单 "
                + "(this service has not yet received the targets naming the list's townships; nothing was applied: "
                + "send the whole list again shortly)", waiting);
    }

    /**
     * What the person's enrolments under the NEWBORN case tell of the birth, as enrollment-service judges its own dates
     * (docs/personal-data.md): each enrolment's day less the case's window. An enrolment this service has not yet consumed
     * tells nothing here, the limit written down there.
     */
    private List<LocalDate> newbornBounds(String personId, Map<String, Optional<CampaignDefined.SpecialCaseRule>> newbornRules) {
        return roster.newbornEnrolments(personId).stream()
                .map(enrolment -> newbornRules.computeIfAbsent(enrolment.region() + ":" + enrolment.coverageYear(),
                                key -> campaigns.find(enrolment.region(), enrolment.coverageYear())
                                        .flatMap(campaign -> campaign.ruleFor(SpecialCase.NEWBORN)))
                        .map(rule -> rule.earliestEventWithin(enrolment.enrolledOn())).orElse(null))
                .filter(Objects::nonNull).toList();
    }

    /**
     * Townships named by name tell no county: the residents' numbers tell where most of them were registered at birth, the
     * list's county but for those who moved in (of a tie, the lowest code), among the counties this service runs a campaign
     * of ({@code served}): a county code long renumbered (撤县设区), which most adults' numbers keep, would otherwise hold
     * every list of a mistyped name back for good instead of naming its rows, or hide the new code the children carry.
     */
    private static Optional<String> countyOfMostNumbers(List<CheckedRow> checked, Predicate<String> served) {
        Map<String, Long> counts = checked.stream().map(CheckedRow::idNumberMasked).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(masked -> masked.substring(0, 6), TreeMap::new, Collectors.counting()));
        counts.keySet().removeIf(served.negate());
        return counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey);
    }

    /** The due day of the campaign of the list's county (每月10日以前 unless the campaign says otherwise), or the latest's. */
    private int dueDay(List<CheckedRow> checked) {
        return checked.stream().filter(CheckedRow::accepted).map(row -> row.valid().region()).findFirst()
                .map(campaigns::agencyListDueDay).orElseGet(campaigns::latestAgencyListDueDay);
    }

    private void apply(UUID batchId, Agency agency, List<CheckedRow> checked) {
        List<ValidRow> accepted = checked.stream().filter(CheckedRow::accepted).map(CheckedRow::valid).toList();
        List<String> phones = checked.stream().filter(CheckedRow::accepted)
                .map(row -> row.valid().action() == AdjustmentAction.ADD ? sealedPhone(row.input().phone()) : null).toList();
        List<String> people = accepted.stream().map(row -> personIds.personId(row.idNumber())).toList();
        locks.lock(people);
        certifications.recordAll(agency, batchId, IntStream.range(0, accepted.size())
                .mapToObj(i -> new CertificationStore.Row(people.get(i), accepted.get(i).category(), accepted.get(i).subcategory(),
                        accepted.get(i).action(), accepted.get(i).effectiveDate(), accepted.get(i).region()))
                .toList());
        Map<String, Map<Integer, LocalDate>> cutoffs = new HashMap<>();
        Instant now = clock.instant();
        List<OutboxMessage> adjusted = new ArrayList<>(accepted.size());
        for (int i = 0; i < accepted.size(); i++) {
            ValidRow row = accepted.get(i);
            int coverageYear = AdjustmentYearRule.of(row.effectiveDate(),
                    cutoffs.computeIfAbsent(row.region(), campaigns::assistanceCutoffs));
            boolean fromBirth = row.effectiveFromBirth();
            adjusted.add(OutboxMessage.of(new EligibilityAdjusted(people.get(i), coverageYear, row.region(), agency, row.category(),
                    row.action(), fromBirth ? null : row.effectiveDate(), fromBirth ? true : null, batchId.toString(), row.township(),
                    row.village(), row.subcategory(), phones.get(i)), now));
        }
        outbox.appendAll(adjusted);
        assessor.reassessAll(people.stream().distinct().toList(), AssessmentReason.ELIGIBILITY_CHANGED);
    }

    /**
     * An added person's phone (附件3's 联系电话), sealed for the reporting service, which alone opens it: the Friday list of
     * the certified not enrolled reaches by it someone the roster never knew. The list gives no name. Null without a phone,
     * without the reporting service's key configured, or for a value that is no phone (an ID number typed into the column
     * would be printed in full on the list): the certification stands either way, its contact being no part of it.
     */
    private String sealedPhone(String phone) {
        return contacts == null || phone == null || phone.isBlank() || RequestValues.phoneProblem(phone).isPresent() ? null
                : contacts.seal("", phone.strip());
    }

    private BatchResult result(UUID batchId) {
        return BatchResult.of(batches.find(batchId).orElseThrow());
    }
}
