package cn.medicare.campaign.reporting;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.AssessmentReason;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceSubcategory;
import cn.medicare.campaign.contracts.codes.CoverageFrom;
import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.Sex;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.EVoucherActivated;
import cn.medicare.campaign.contracts.events.EligibilityAdjusted;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.contracts.identity.Contact;
import cn.medicare.campaign.contracts.identity.IdNumberSealer;
import cn.medicare.campaign.fixtures.Campaigns;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.kit.security.LocalSecrets;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Object Mother: the facts other services publish about a county's 2018 campaign. */
public final class ReportingMother {

    private final String region;

    public ReportingMother(String region) {
        this.region = region;
    }

    String region() {
        return region;
    }

    String township(int n) {
        return region + String.format("%03d", 100 + n);
    }

    /** API.md's example campaign for 2018 in this mother's county, its period not extended (rankings end on Dec 31). */
    public CampaignDefined campaign() {
        return Campaigns.withoutExtensions(Campaigns.inRegion(Liancheng.apiExample(2018), region));
    }

    public TargetsSet targets() {
        return new TargetsSet(region, 2018, List.of(new TargetsSet.Target(township(0), "莲峰镇", 4),
                new TargetsSet.Target(township(1), "文亨镇", 3)));
    }

    /** The same two townships and 城关中学 (S001), a school of 莲峰镇 whose target is 2: the unit {@link #enrolledAtSchool} pupils count for. */
    TargetsSet targetsWithTheSchool() {
        return new TargetsSet(region, 2018, targets().targets(),
                List.of(new TargetsSet.Unit("S001", "城关中学", TargetsSet.UnitType.SCHOOL, township(0), 2, null, null, null)));
    }

    /** The same two townships, 莲峰镇 with an e-voucher target of 2 (医保电子凭证激活). */
    public TargetsSet targetsWithEVouchers() {
        return new TargetsSet(region, 2018, List.of(new TargetsSet.Target(township(0), "莲峰镇", 4, 2),
                new TargetsSet.Target(township(1), "文亨镇", 3)));
    }

    EVoucherActivated activated(int person) {
        return activated(person, LocalDate.of(2017, 11, 20));
    }

    EVoucherActivated activated(int person, LocalDate on) {
        return new EVoucherActivated(personId(person), 2018, region, on);
    }

    public String personId(int n) {
        return region + String.format("%026d", n);
    }

    /** The two townships and, as Lishi has, the education system (教育系统) as a unit beside them. */
    public TargetsSet targetsWithEducationSystem() {
        return new TargetsSet(region, 2018, List.of(new TargetsSet.Target(township(0), "莲峰镇", 4),
                new TargetsSet.Target(township(1), "文亨镇", 3),
                new TargetsSet.Target(region + "900", "教育系统", 2, null, TargetsSet.UnitType.EDUCATION_SYSTEM)));
    }

    /** A pupil of the township, enrolled through a school. */
    PersonEnrolled enrolledAtSchool(int person, int township) {
        return enrolledAtSchool(person, township, null);
    }

    /** A pupil of 城关中学, in the class given (附件4's 班级; null for none). */
    PersonEnrolled enrolledAtSchool(int person, int township, String schoolClass) {
        return new PersonEnrolled(personId(person), 2018, region, "350825***********2", "seal", "张*", 2008,
                Sex.MALE, PersonCategory.STUDENT, township(township), "城关村", "城关中学", true, false,
                EnrolmentChannel.SCHOOL, LocalDate.of(2018, 1, 1), null, 0, null, null, null, null, null, null, null, schoolClass);
    }

    public PersonEnrolled enrolled(int person, int township, boolean hukouLocal) {
        return new PersonEnrolled(personId(person), 2018, region, "350825***********2", "seal", "张*", 1985,
                Sex.MALE, PersonCategory.GENERAL, township(township), "城关村", null, hukouLocal, !hukouLocal,
                EnrolmentChannel.TOWNSHIP, LocalDate.of(2018, 1, 1), null, 0, null);
    }

    /** {@link #enrolled} on the day given, as enrollment-service announces every enrolment. */
    PersonEnrolled enrolledOn(int person, LocalDate on) {
        return enrolledOn(person, 0, on);
    }

    PersonEnrolled enrolledOn(int person, int township, LocalDate on) {
        return new PersonEnrolled(personId(person), 2018, region, "350825***********2", "seal", "张*", 1985,
                Sex.MALE, PersonCategory.GENERAL, township(township), "城关村", null, true, false,
                EnrolmentChannel.TOWNSHIP, LocalDate.of(2018, 1, 1), null, 0, on);
    }

    /** A resident whose name and phone travel sealed for the reporting service, as enrollment-service seals them locally. */
    PersonEnrolled enrolledWithContact(int person, int township, String village, String name, String phone, boolean newborn) {
        return enrolledWithContact(2018, person, township, village, name, phone, newborn);
    }

    PersonEnrolled enrolledWithContact(int coverageYear, int person, int township, String village, String name, String phone,
            boolean newborn) {
        String sealed = new Contact(name, phone).sealWith(IdNumberSealer.fromBase64("local-contacts-2018",
                LocalSecrets.BY_PROPERTY.get("insurance.identity.contact-sealing-public-key")));
        return new PersonEnrolled(personId(person), coverageYear, region, "350825***********2", "seal", name.charAt(0) + "*",
                newborn ? null : 1985, Sex.MALE, newborn ? PersonCategory.NEWBORN : PersonCategory.GENERAL, township(township), village,
                null, true, false, EnrolmentChannel.TOWNSHIP, LocalDate.of(2018, 1, 1), null, 0, null, null, null, null, null, sealed);
    }

    /** A resident of the given township who enrolled late on Sept 1: covered 90 days after paying, so by Oct 2 at the latest. */
    PersonEnrolled enrolledLateWithContact(int person, int township, String village, String name, String phone) {
        String sealed = new Contact(name, phone).sealWith(IdNumberSealer.fromBase64("local-contacts-2018",
                LocalSecrets.BY_PROPERTY.get("insurance.identity.contact-sealing-public-key")));
        return new PersonEnrolled(personId(person), 2018, region, "350825***********2", "seal", name.charAt(0) + "*", 1985, Sex.MALE,
                PersonCategory.GENERAL, township(township), village, null, true, false, EnrolmentChannel.TOWNSHIP, null, null, 90,
                LocalDate.of(2018, 9, 1), null, CoverageFrom.PAYMENT_DATE, null, "LATE_ENROLMENT", sealed);
    }

    /**
     * A resident of township 0 who enrolled on {@code on}, after the period, under a case that is the certification itself
     * (新认定困难人员, or a child a welfare institution took in): covered from the day after paying.
     */
    PersonEnrolled enrolledAssisted(int person, SpecialCase specialCase, LocalDate on) {
        return enrolledAssistedIn(region, person, specialCase, on);
    }

    /** The same person enrolled so in another county, whose agencies certify for it alone. */
    PersonEnrolled enrolledAssistedIn(String county, int person, SpecialCase specialCase, LocalDate on) {
        return new PersonEnrolled(personId(person), 2018, county, "350825***********2", "seal", "张*", 1985, Sex.MALE,
                PersonCategory.GENERAL, township(0), "城关村", null, true, false, EnrolmentChannel.TOWNSHIP, null, null, 0, on, null,
                CoverageFrom.DAY_AFTER_PAYMENT, null, specialCase.name(), null, specialCase, null);
    }

    /** A baby of township 0 born in the coverage year, enrolled within the days that cover it from birth, or later. */
    PersonEnrolled newborn(int person, boolean fromBirth) {
        return new PersonEnrolled(personId(person), 2018, region, "350825***********2", "seal", "张*", null,
                Sex.FEMALE, PersonCategory.NEWBORN, township(0), "城关村", null, true, false,
                EnrolmentChannel.TOWNSHIP, fromBirth ? null : LocalDate.of(2018, 6, 1), fromBirth ? Boolean.TRUE : null, 0,
                LocalDate.of(2018, 3, 1));
    }

    /** A baby born in the autumn before the year, enrolled in the collection period: covered from 1 January, its first day in the year. */
    PersonEnrolled newbornBeforeTheYear(int person) {
        return new PersonEnrolled(personId(person), 2018, region, "350825************", "seal", "张*", null,
                Sex.FEMALE, PersonCategory.NEWBORN, township(0), "城关村", null, true, false,
                EnrolmentChannel.TOWNSHIP, LocalDate.of(2018, 1, 1), null, 0, LocalDate.of(2017, 11, 1));
    }

    public ContributionAssessed assessed(int person, String subsidy, AssistanceCategory category) {
        BigDecimal standard = yuan("180");
        return new ContributionAssessed(personId(person), 2018, region, standard, yuan(subsidy), standard.subtract(yuan(subsidy)),
                category, AssessmentReason.ENROLLED);
    }

    /** Assessed from a standard of the person's category other than Liancheng's 180 (a pupil's, say), unassisted. */
    ContributionAssessed assessedFrom(int person, String standard) {
        return new ContributionAssessed(personId(person), 2018, region, yuan(standard), yuan("0"), yuan(standard), null,
                AssessmentReason.ENROLLED);
    }

    /** Paid by the medical-assistance fund on the person's behalf (代缴). */
    PaymentConfirmed paidByTheFund(int person, String voucher, String amount) {
        return new PaymentConfirmed(personId(person), 2018, region, region + voucher, yuan(amount), PaymentChannel.ASSISTANCE_FUND,
                Instant.parse("2017-10-09T02:00:00Z"), PaymentSource.WEBHOOK);
    }

    public PaymentConfirmed paid(int person, String voucher, String amount) {
        return new PaymentConfirmed(personId(person), 2018, region, region + voucher, yuan(amount), PaymentChannel.WECHAT,
                Instant.parse("2017-10-09T02:00:00Z"), PaymentSource.WEBHOOK);
    }

    EligibilityAdjusted certified(int person, AssistanceCategory category, AdjustmentAction action) {
        return new EligibilityAdjusted(personId(person), 2018, region, category.agency(), category, action,
                LocalDate.of(2017, action == AdjustmentAction.ADD ? 10 : 11, 1), "batch-" + person, township(0), "城关村");
    }

    /** A row of an agency's list giving the person's phone (附件3 gives no name), sealed as subsidy-service seals it locally. */
    EligibilityAdjusted certifiedWithPhone(int person, AssistanceCategory category, String phone) {
        EligibilityAdjusted row = certified(person, category, AdjustmentAction.ADD);
        return new EligibilityAdjusted(row.personId(), row.coverageYear(), region, row.agency(), category, row.action(), row.effectiveDate(),
                null, row.batchId(), row.township(), row.village(), null, new Contact("", phone).sealWith(IdNumberSealer.fromBase64(
                        "local-contacts-2018", LocalSecrets.BY_PROPERTY.get("insurance.identity.contact-sealing-public-key"))));
    }

    /** A row of a later list, effective on {@code effective}. */
    EligibilityAdjusted certified(int person, AssistanceCategory category, AdjustmentAction action, LocalDate effective) {
        return new EligibilityAdjusted(personId(person), 2018, region, category.agency(), category, action, effective,
                "batch-" + person + "-" + effective, township(0), "城关村");
    }

    /**
     * A row dated on or near the person's birth, so without its date (EVENTS.md), counted for {@code coverageYear}:
     * subsidy-service read that year from the date it keeps.
     */
    EligibilityAdjusted certifiedFromBirth(int person, AssistanceCategory category, int coverageYear) {
        return new EligibilityAdjusted(personId(person), coverageYear, region, category.agency(), category, AdjustmentAction.ADD, null,
                true, "batch-" + person + "-birth", township(0), "城关村", null);
    }

    /** A row naming the finer name within its category (农村低保), effective on {@code effective}. */
    EligibilityAdjusted certified(int person, AssistanceSubcategory subcategory, AdjustmentAction action, LocalDate effective) {
        AssistanceCategory category = subcategory.category();
        return new EligibilityAdjusted(personId(person), 2018, region, category.agency(), category, action, effective, null,
                "batch-" + person + "-" + effective, township(0), "城关村", subcategory);
    }

    PersonUpdated moved(int person, int township) {
        return new PersonUpdated(personId(person), 2018, region, township(township), "新华村", null, null, null, null, null);
    }

    /** A pupil who left school, as enrollment-service announces it: {@code ""}, since null would mean unchanged. */
    PersonUpdated leftSchool(int person) {
        return new PersonUpdated(personId(person), 2018, region, null, null, "", null, null, null, null);
    }

    PersonWithdrawn withdrawn(int person) {
        return new PersonWithdrawn(personId(person), 2018, region, WithdrawalReason.EMPLOYEE_INSURANCE, LocalDate.of(2017, 11, 1));
    }

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }
}
