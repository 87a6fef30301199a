package cn.medicare.campaign.tax.levy;

/** A levy item's key: one person and coverage year. */
public record PersonYear(String personId, int coverageYear) {
}
