package cn.medicare.campaign.enrollment.campaign;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.kit.privacy.FreeText;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defines campaigns and their targets, and announces each change on {@code insurance.campaign.v1}. */
@Service
class CampaignService {

    private final CampaignStore store;
    private final OutboxWriter outbox;
    private final Clock clock;

    CampaignService(CampaignStore store, OutboxWriter outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    CampaignView define(Caller caller, String region, int coverageYear, CampaignRequest request) {
        List<InputError> errors = CampaignRule.check(region, coverageYear, request);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        store.takeTurn(region, coverageYear);
        int version = store.version(region, coverageYear).map(previous -> previous + 1).orElse(1);
        CampaignDefined campaign = new CampaignDefined(region, FreeText.redact(request.regionName().strip()), coverageYear, version,
                request.collectionPeriod(), request.extensions() == null ? List.of() : request.extensions(),
                request.contributions(), request.fiscalSubsidy(), request.assistance(), request.participationGoal(),
                request.stages(), request.lateEnrolmentWaitingDays()).withAdditions(request.minorBornOnOrAfter(),
                request.categoryPeriods(), request.specialCases(), request.lateEnrolment(), request.assistanceCutoff(),
                request.agencyListDueDay(), request.renewal(),
                request.refundRule()).withJudging(request.goals(), request.stageRules(), request.ranking())
                .withShortfall(request.shortfall());
        store.save(campaign, clock.instant());
        store.recordChange(region, coverageYear, CampaignStore.ChangeKind.CAMPAIGN, clock.instant(), caller.clientId(), campaign);
        outbox.append(campaign);
        return new CampaignView(campaign, store.targets(region, coverageYear), store.units(region, coverageYear));
    }

    @Transactional
    CampaignView setTargets(Caller caller, String region, int coverageYear, List<TargetRow> targets) {
        List<InputError> errors = new ArrayList<>();
        CampaignRule.checkKey(region, coverageYear, errors);
        errors.addAll(CampaignRule.checkTargets(region, targets));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        store.takeTurn(region, coverageYear);
        CampaignDefined campaign = store.find(region, coverageYear).orElseThrow(() -> noCampaign(region, coverageYear));
        // stored as checked (the name's length was measured without its surrounding spaces) and redacted
        TargetsSet set = new TargetsSet(region, coverageYear,
                targets.stream().filter(TargetRow::townshipLevel).map(row -> row.asTarget(FreeText.redact(row.name().strip()))).toList(),
                targets.stream().filter(row -> !row.townshipLevel()).map(row -> row.asUnit(FreeText.redact(row.name().strip()))).toList());
        store.replaceTargets(set);
        store.recordChange(region, coverageYear, CampaignStore.ChangeKind.TARGETS, clock.instant(), caller.clientId(), set);
        outbox.append(set);
        return new CampaignView(campaign, set.targets(), set.units());
    }

    @Transactional(readOnly = true)
    CampaignView get(String region, int coverageYear) {
        CampaignDefined campaign = store.find(region, coverageYear)
                .orElseThrow(() -> ApiException.notFound("该地区该年度没有参保缴费工作方案 / no campaign for that region and coverage year"));
        return new CampaignView(campaign, store.targets(region, coverageYear), store.units(region, coverageYear));
    }

    /** 方案变更记录: every version of the campaign and every change of its targets, who made it and when. */
    @Transactional(readOnly = true)
    List<CampaignStore.Change> changes(String region, int coverageYear) {
        List<CampaignStore.Change> changes = store.changes(region, coverageYear);
        if (changes.isEmpty() && store.find(region, coverageYear).isEmpty()) {
            throw ApiException.notFound("该地区该年度没有参保缴费工作方案 / no campaign for that region and coverage year");
        }
        return changes;
    }

    static ApiException noCampaign(String region, int coverageYear) {
        return ApiException.ruleViolated("县（区） " + region + " 尚无 " + coverageYear + " 参保年度的参保缴费工作方案，须由医保局先行制定"
                + " / there is no campaign for region " + region + " and coverage year " + coverageYear
                + ": the bureau defines it first (PUT /api/v1/campaigns/" + region + "/" + coverageYear + ")");
    }
}
