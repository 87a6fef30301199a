package cn.medicare.campaign.contracts.codes;

/**
 * What a campaign's assistance (资助参保) reduces for an enrolment that owes the fiscal part too (individual + fiscal,
 * outside the period): EVENTS.md's modes are of the standard, so FULL pays 0 unless the campaign says otherwise.
 */
public enum AssistedPart {
    /** 缴费标准: the whole amount the enrolment owes, the fiscal part included (FULL pays 0; PERCENT of it) */
    STANDARD,
    /** 个人缴费部分: the individual part only; the fiscal part stays the late enrollee's to pay, the notice's sanction */
    INDIVIDUAL
}
