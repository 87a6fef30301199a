package cn.medicare.campaign.enrollment;

import cn.medicare.campaign.contracts.identity.ResidentIdNumber;

/** Object Mother: Liancheng county's 2018 campaign (API.md's example) and its residents. */
public final class Liancheng {

    public static final String REGION = "350825";
    public static final String LIANFENG = "350825100";
    public static final String WENHENG = "350825101";

    private Liancheng() {
    }

    public static String campaign2018() {
        return """
                {"regionName":"连城县",
                 "collectionPeriod":{"start":"2017-09-01","end":"2017-12-31"},
                 "extensions":[{"appliesTo":"NEWBORN","until":"2018-01-31"}],
                 "contributions":{"GENERAL":"180.00","STUDENT":"180.00","MINOR":"180.00","COLLEGE_STUDENT":"180.00","NEWBORN":"180.00"},
                 "fiscalSubsidy":"450.00",
                 "assistance":[{"categories":["EXTREME_POVERTY","ORPHAN","DE_FACTO_UNSUPPORTED_CHILD"],"mode":"FULL"},
                               {"categories":["MINIMUM_LIVING"],"mode":"FIXED","subsidy":"140.00"},
                               {"categories":["LOW_INCOME_MARGINAL","DISABILITY_MODERATE"],"mode":"PERCENT","percent":"50"}],
                 "participationGoal":"0.98",
                 "stages":[{"deadline":"2017-10-31","threshold":"0.50","reward":"500.00","penaltyPerPoint":"0.00"},
                           {"deadline":"2017-11-15","threshold":"0.75","reward":"1000.00","penaltyPerPoint":"50.00"}],
                 "lateEnrolmentWaitingDays":90}""";
    }

    public static String targets() {
        return """
                {"targets":[{"township":"350825100","townshipName":"莲峰镇","target":38010},
                            {"township":"350825101","townshipName":"文亨镇","target":26474}]}""";
    }

    /** A valid ID number of someone born in Liancheng on the given date (yyyyMMdd), sequence 3 digits. */
    public static String idNumber(String birthDate, int sequence) {
        String first17 = REGION + birthDate + String.format("%03d", sequence);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    public static String enrolment(String idNumber, String township) {
        return """
                {"idNumber":"%s","name":"张三丰","phone":"13800000000","region":"350825","coverageYear":2018,
                 "township":"%s","village":"城关村","hukouLocal":true,"residencePermit":false,"enrolledOn":"2017-10-09"}"""
                .formatted(idNumber, township);
    }
}
