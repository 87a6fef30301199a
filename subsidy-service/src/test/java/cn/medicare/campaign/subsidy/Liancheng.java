package cn.medicare.campaign.subsidy;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceMode;
import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.Sex;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.contracts.identity.ResidentIdNumber;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Liancheng county (连城县, 350825) and its 2018 campaign, from the county notice. */
public final class Liancheng {

    public static final String REGION = "350825";
    public static final String TOWNSHIP = "350825100";
    public static final String VILLAGE = "莲峰村";
    /** The same key as service-kit-defaults.properties, so tests compute the service's personIds. */
    public static final PersonIds PERSON_IDS = PersonIds.fromBase64("bGlhbmNoZW5nLWxvY2FsLXBlcnNvbi1rZXktMjAxOA==");

    private Liancheng() {
    }

    /** Contributions 180.00; 特困 etc. FULL, 低保 FIXED 140.00, 低保边缘 and grade 3-4 disability 50 %. */
    public static CampaignDefined campaign(int coverageYear, int version) {
        return campaign(coverageYear, version, "180.00", "140.00");
    }

    public static CampaignDefined campaign(int coverageYear, int version, String contribution, String minimumLivingSubsidy) {
        BigDecimal amount = new BigDecimal(contribution);
        return new CampaignDefined(REGION, "连城县", coverageYear, version,
                new CampaignDefined.Period(LocalDate.of(coverageYear - 1, 9, 1), LocalDate.of(coverageYear - 1, 12, 31)),
                List.of(new CampaignDefined.Extension(PersonCategory.NEWBORN, LocalDate.of(coverageYear, 1, 31))),
                new CampaignDefined.Contributions(amount, amount, amount, amount, amount),
                new BigDecimal("450.00"),
                List.of(new CampaignDefined.Assistance(List.of(AssistanceCategory.EXTREME_POVERTY, AssistanceCategory.ORPHAN,
                                AssistanceCategory.DE_FACTO_UNSUPPORTED_CHILD), AssistanceMode.FULL, null, null),
                        new CampaignDefined.Assistance(List.of(AssistanceCategory.MINIMUM_LIVING), AssistanceMode.FIXED,
                                new BigDecimal(minimumLivingSubsidy), null),
                        new CampaignDefined.Assistance(List.of(AssistanceCategory.LOW_INCOME_MARGINAL,
                                AssistanceCategory.DISABILITY_MODERATE), AssistanceMode.PERCENT, null, new BigDecimal("50"))),
                new BigDecimal("0.98"),
                List.of(new CampaignDefined.Stage(LocalDate.of(coverageYear - 1, 10, 31), new BigDecimal("0.50"),
                        new BigDecimal("500.00"), new BigDecimal("0.00"))),
                90);
    }

    /** The 17 townships of the 2018 task table (任务分解表). */
    public static TargetsSet targets(int coverageYear) {
        List<TargetsSet.Target> targets = new ArrayList<>();
        for (int code = 100; code <= 116; code++) {
            targets.add(new TargetsSet.Target(REGION + code, "乡镇" + code, 16_000));
        }
        return new TargetsSet(REGION, coverageYear, targets);
    }

    /** A valid ID number of a Liancheng resident born 1985-06-12; {@code sequence} 0-999 tells people apart. */
    public static String idNumber(int sequence) {
        String first17 = REGION + "19850612" + String.format("%03d", sequence);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    public static String personId(String idNumber) {
        return PERSON_IDS.personId(idNumber);
    }

    public static PersonEnrolled enrolled(String idNumber, int coverageYear) {
        return new PersonEnrolled(personId(idNumber), coverageYear, REGION, PersonIds.maskIdNumber(idNumber),
                "sealed-not-used-here", "张*", 1985, Sex.FEMALE, PersonCategory.GENERAL, TOWNSHIP,
                VILLAGE, null, true, false, EnrolmentChannel.TOWNSHIP, LocalDate.of(coverageYear, 1, 1), null, 0, null);
    }
}
