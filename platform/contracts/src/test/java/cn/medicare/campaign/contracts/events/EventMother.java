package cn.medicare.campaign.contracts.events;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.contracts.codes.AssessmentReason;
import cn.medicare.campaign.contracts.codes.AmountRule;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceSubcategory;
import cn.medicare.campaign.contracts.codes.AssistanceMode;
import cn.medicare.campaign.contracts.codes.AssistedPart;
import cn.medicare.campaign.contracts.codes.CoverageFrom;
import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.RefundDueReason;
import cn.medicare.campaign.contracts.codes.ReportFormat;
import cn.medicare.campaign.contracts.codes.ReportType;
import cn.medicare.campaign.contracts.codes.Sex;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.identity.Contact;
import cn.medicare.campaign.contracts.identity.IdNumberSealer;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.contracts.identity.ResidentIdNumber;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Events of Liancheng county (连城县, 350825), coverage year 2018, in full and minimal variants. */
final class EventMother {

    static final String REGION = "350825";
    static final int YEAR = 2018;
    static final String TOWNSHIP = "350825100";
    static final String VILLAGE = "350825100201";
    static final String ID_NUMBER = withCheck("35082519850612401");
    static final String PERSON_ID = personIds().personId(ID_NUMBER);

    private EventMother() {
    }

    static List<Event> full() {
        return List.of(campaignDefined(), targetsSet(), personEnrolled(), personUpdated(), personWithdrawn(),
                eligibilityAdjusted(), contributionAssessed(), paymentConfirmed(), paymentRefunded(), refundDue(),
                coverageStarted(), coverageRevoked(), eVoucherActivated(), reconciliationCompleted(), reportPublished(), listsIssued());
    }

    static List<Event> minimal() {
        return List.of(minimalCampaignDefined(), minimalTargetsSet(), minimalPersonEnrolled(), minimalPersonUpdated(), schoolLeft(),
                personWithdrawnFromBirth(), eligibilityAdjustedFromBirth(), minimalContributionAssessed(), paymentConfirmed(),
                paymentRefunded(), refundDue(), coverageStarted(), coverageRevoked(), eVoucherActivatedFromBirth(),
                minimalReconciliationCompleted(),
                minimalReportPublished(), minimalListsIssued());
    }

    static CampaignDefined campaignDefined() {
        return new CampaignDefined(REGION, "连城县", YEAR, 2,
                new CampaignDefined.Period(LocalDate.of(2017, 9, 1), LocalDate.of(2017, 12, 31)),
                List.of(new CampaignDefined.Extension(PersonCategory.NEWBORN, LocalDate.of(2018, 1, 31)),
                        new CampaignDefined.Extension(PersonCategory.GENERAL, LocalDate.of(2018, 2, 28))),
                new CampaignDefined.Contributions(yuan("180"), yuan("180"), yuan("180"), yuan("180"), yuan("180")),
                yuan("450"),
                List.of(new CampaignDefined.Assistance(List.of(AssistanceCategory.EXTREME_POVERTY,
                                AssistanceCategory.ORPHAN, AssistanceCategory.DE_FACTO_UNSUPPORTED_CHILD),
                                AssistanceMode.FULL, null, null),
                        new CampaignDefined.Assistance(List.of(AssistanceCategory.MINIMUM_LIVING),
                                AssistanceMode.FIXED, yuan("140"), null),
                        new CampaignDefined.Assistance(List.of(AssistanceCategory.LOW_INCOME_MARGINAL,
                                AssistanceCategory.DISABILITY_MODERATE), AssistanceMode.PERCENT, null, new BigDecimal("50"))),
                new BigDecimal("0.98"),
                List.of(new CampaignDefined.Stage(LocalDate.of(2017, 10, 31), new BigDecimal("0.50"), yuan("500"), yuan("0")),
                        new CampaignDefined.Stage(LocalDate.of(2017, 11, 15), new BigDecimal("0.75"), yuan("1000"), yuan("50")),
                        new CampaignDefined.Stage(LocalDate.of(2017, 11, 30), new BigDecimal("1.00"), yuan("1500"), yuan("50"))),
                90, LocalDate.of(2004, 1, 1),
                List.of(new CampaignDefined.CategoryPeriod(PersonCategory.STUDENT, LocalDate.of(2017, 8, 15), LocalDate.of(2017, 12, 31))),
                List.of(new CampaignDefined.SpecialCaseRule(SpecialCase.NEWBORN, 90, null, null, CoverageFrom.EVENT_DATE, null, null,
                                null, new CampaignDefined.Otherwise(CoverageFrom.DAY_AFTER_PAYMENT, null, null)),
                        new CampaignDefined.SpecialCaseRule(SpecialCase.EMPLOYEE_INSURANCE_LAPSE, null, 3, 2,
                                CoverageFrom.DAY_AFTER_PAYMENT, null, null, null, new CampaignDefined.Otherwise(CoverageFrom.PAYMENT_DATE, null, 6)),
                        new CampaignDefined.SpecialCaseRule(SpecialCase.NEWLY_ASSISTED, null, null, null, CoverageFrom.DAY_AFTER_PAYMENT,
                                null, null, 2, null)),
                new CampaignDefined.LateEnrolment(AmountRule.INDIVIDUAL_PLUS_FISCAL, 90, CoverageFrom.PAYMENT_DATE, AssistedPart.INDIVIDUAL),
                LocalDate.of(2017, 12, 31), 10, CampaignDefined.Renewal.ON_PAYMENT,
                CampaignDefined.RefundRule.BEFORE_COVERAGE_ON_APPLICATION, null, null, null, null)
                .withJudging(new CampaignDefined.Goals(new BigDecimal("0.98"), new BigDecimal("1.00"), new BigDecimal("1.00"),
                                new BigDecimal("1.00")),
                        new CampaignDefined.StageRules(CampaignDefined.StageRules.Penalty.WHOLE_POINTS, false, 3),
                        new CampaignDefined.Ranking(3, 2, 3))
                .withShortfall(new CampaignDefined.Shortfall(new BigDecimal("450.00"), new BigDecimal("10000.00")));
    }

    static CampaignDefined minimalCampaignDefined() {
        return new CampaignDefined(REGION, "连城县", YEAR, 1,
                new CampaignDefined.Period(LocalDate.of(2017, 9, 1), LocalDate.of(2017, 12, 31)),
                List.of(),
                new CampaignDefined.Contributions(yuan("180"), yuan("180"), yuan("180"), yuan("180"), yuan("180")),
                yuan("450"), List.of(), new BigDecimal("0.98"), List.of(), 90);
    }

    static TargetsSet targetsSet() {
        return new TargetsSet(REGION, YEAR, List.of(
                new TargetsSet.Target(TOWNSHIP, "莲峰镇", 41_230, 9_000),
                new TargetsSet.Target("350825101", "北团镇", 18_605),
                new TargetsSet.Target("350825102", "姑田镇", 21_470, null, null, 20_000, 1_470)),
                List.of(new TargetsSet.Unit(TOWNSHIP + "001", "城关村", TargetsSet.UnitType.VILLAGE, TOWNSHIP, 3_100, null, null, 700),
                        new TargetsSet.Unit("3135000123", "连城县第一中学", TargetsSet.UnitType.SCHOOL, TOWNSHIP, 2_400, null, null, null)));
    }

    static TargetsSet minimalTargetsSet() {
        return new TargetsSet(REGION, YEAR, List.of());
    }

    static PersonEnrolled personEnrolled() {
        return new PersonEnrolled(PERSON_ID, YEAR, REGION, PersonIds.maskIdNumber(ID_NUMBER), sealer().seal(ID_NUMBER),
                PersonIds.maskName("罗志强"), 1985, Sex.MALE, PersonCategory.GENERAL, TOWNSHIP,
                VILLAGE, "连城县第一中学", true, false, EnrolmentChannel.TOWNSHIP, null, null, 90,
                LocalDate.of(2018, 2, 9), AmountRule.INDIVIDUAL_PLUS_FISCAL, CoverageFrom.PAYMENT_DATE, 6, "EMPLOYEE_INSURANCE_LAPSE",
                new Contact("罗志强", "13905971234").sealWith(sealer()), SpecialCase.EMPLOYEE_INSURANCE_LAPSE, "三年级2班").revokingAWithdrawal();
    }

    static PersonEnrolled minimalPersonEnrolled() {
        return new PersonEnrolled(PERSON_ID, YEAR, REGION, PersonIds.maskIdNumber(ID_NUMBER), sealer().seal(ID_NUMBER),
                PersonIds.maskName("罗志强"), null, Sex.MALE, PersonCategory.GENERAL, TOWNSHIP,
                VILLAGE, null, true, false, EnrolmentChannel.ONLINE, null, null, 90, null);
    }

    static EVoucherActivated eVoucherActivated() {
        return new EVoucherActivated(PERSON_ID, YEAR, REGION, LocalDate.of(2017, 11, 20));
    }

    /** Parents activating a newborn's e-voucher in its first week: the date travels as the flag. */
    static EVoucherActivated eVoucherActivatedFromBirth() {
        return new EVoucherActivated(PERSON_ID, YEAR, REGION, null, true);
    }

    static CoverageStarted coverageStarted() {
        return new CoverageStarted(PERSON_ID, YEAR, REGION, LocalDate.of(2018, 5, 10));
    }

    static CoverageRevoked coverageRevoked() {
        return new CoverageRevoked(PERSON_ID, YEAR, REGION, LocalDate.of(2018, 5, 10));
    }

    static PersonUpdated personUpdated() {
        return new PersonUpdated(PERSON_ID, YEAR, REGION, "350825101", "350825101203", "连城县北团中学",
                PersonCategory.STUDENT, false, true, "罗**", new Contact("罗志强", null).sealWith(sealer()));
    }

    /** A pupil who left school: "" (null would mean unchanged). */
    static PersonUpdated schoolLeft() {
        return new PersonUpdated(PERSON_ID, YEAR, REGION, null, null, "", null, null, null, null);
    }

    static PersonUpdated minimalPersonUpdated() {
        return new PersonUpdated(PERSON_ID, YEAR, REGION, null, null, null, null, null, null, null);
    }

    static PersonWithdrawn personWithdrawn() {
        return new PersonWithdrawn(PERSON_ID, YEAR, REGION,
                WithdrawalReason.EMPLOYEE_INSURANCE, LocalDate.of(2018, 3, 1));
    }

    /** A newborn enrolled twice, withdrawn as a duplicate from its first day: the date travels as the flag. */
    static PersonWithdrawn personWithdrawnFromBirth() {
        return new PersonWithdrawn(PERSON_ID, YEAR, REGION, WithdrawalReason.DUPLICATE, null, true);
    }

    static EligibilityAdjusted eligibilityAdjusted() {
        return new EligibilityAdjusted(PERSON_ID, YEAR, REGION, Agency.CIVIL_AFFAIRS, AssistanceCategory.MINIMUM_LIVING,
                AdjustmentAction.ADD, LocalDate.of(2017, 10, 1), null, "b-civil-affairs-2017-10-01", TOWNSHIP, VILLAGE,
                AssistanceSubcategory.RURAL_MINIMUM_LIVING, new Contact("", "13905971234").sealWith(sealer()));
    }

    /** A newborn of an assisted family added on its birth date: the date travels as the flag. */
    static EligibilityAdjusted eligibilityAdjustedFromBirth() {
        return new EligibilityAdjusted(PERSON_ID, YEAR, REGION, Agency.CIVIL_AFFAIRS, AssistanceCategory.MINIMUM_LIVING,
                AdjustmentAction.ADD, null, true, "b-civil-affairs-2017-10-01", TOWNSHIP, VILLAGE, null);
    }

    static ContributionAssessed contributionAssessed() {
        return new ContributionAssessed(PERSON_ID, YEAR, REGION, yuan("180"), yuan("140"), yuan("40"),
                AssistanceCategory.MINIMUM_LIVING, AssessmentReason.ELIGIBILITY_CHANGED);
    }

    static ContributionAssessed minimalContributionAssessed() {
        return new ContributionAssessed(PERSON_ID, YEAR, REGION, yuan("180"), yuan("0"), yuan("180"), null,
                AssessmentReason.ENROLLED);
    }

    static PaymentConfirmed paymentConfirmed() {
        return new PaymentConfirmed(PERSON_ID, YEAR, REGION, "335082517000012345", yuan("180"), PaymentChannel.WECHAT,
                Instant.parse("2017-10-12T02:15:30Z"), PaymentSource.WEBHOOK);
    }

    static PaymentRefunded paymentRefunded() {
        return new PaymentRefunded(PERSON_ID, YEAR, REGION, "335082517000012345", "R335082517000000042", yuan("140"),
                Instant.parse("2017-11-20T08:00:00.250Z"), "先缴后返");
    }

    static RefundDue refundDue() {
        return new RefundDue(PERSON_ID, YEAR, REGION, yuan("140"), RefundDueReason.ASSISTANCE_AFTER_PAYMENT);
    }

    static ReconciliationCompleted reconciliationCompleted() {
        return new ReconciliationCompleted(LocalDate.of(2017, 10, 12), 1_284, new BigDecimal("214380.00"), 1_279, 3, 1, 1, 2);
    }

    static ReconciliationCompleted minimalReconciliationCompleted() {
        return new ReconciliationCompleted(LocalDate.of(2017, 10, 1), 0, BigDecimal.ZERO, 0, 0, 0, 0, null);
    }

    static ReportPublished reportPublished() {
        return new ReportPublished("r-2017-11-17-weekly-350825", ReportType.WEEKLY, YEAR,
                Instant.parse("2017-11-17T10:00:00Z"),
                List.of(ReportFormat.JSON, ReportFormat.CSV, ReportFormat.XLSX, ReportFormat.HTML),
                new ReportPublished.Summary(276_927, 241_003, new BigDecimal("0.8703")), REGION);
    }

    static ReportPublished minimalReportPublished() {
        return new ReportPublished("r-2017-12-31-on-demand", ReportType.ON_DEMAND, YEAR,
                Instant.parse("2017-12-31T15:59:59Z"), List.of(ReportFormat.JSON),
                new ReportPublished.Summary(0, 0, new BigDecimal("0.0000")), null);
    }

    static ListsIssued listsIssued() {
        return new ListsIssued("0b6f3c0e-2f4e-4f57-9d39-8d7c2f1f0a11", REGION, YEAR, Instant.parse("2017-11-17T09:00:00Z"),
                List.of(new ListsIssued.Issued("paid", 241_003), new ListsIssued.Issued("unpaid", 12_516),
                        new ListsIssued.Issued("certified-not-enrolled", 84), new ListsIssued.Issued("newborns-not-enrolled", 17)));
    }

    static ListsIssued minimalListsIssued() {
        return new ListsIssued("issue-1", REGION, YEAR, Instant.parse("2017-11-17T09:00:00Z"), List.of());
    }

    static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    static PersonIds personIds() {
        return new PersonIds("liancheng-test-person-key-000001".getBytes(StandardCharsets.UTF_8));
    }

    static IdNumberSealer sealer() {
        try {
            return new IdNumberSealer("k2017", KeyPairGenerator.getInstance("X25519").generateKeyPair().getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withCheck(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
