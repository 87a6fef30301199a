package cn.medicare.campaign.reporting.person;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One person-year as the figures see it, and why: whether the person counts as enrolled (registered
 * and settled, DOMAIN.md's definitions as every figure applies them) and what decides it.
 *
 * @param registered enrolled for the year and not withdrawn by today
 * @param settled the money covers the amount held to ({@code heldTo}): counted as enrolled when registered too
 * @param heldTo the payable in force, or the payable at first settlement (moved by a change of the standard since) when
 *     assistance ended after it; null before assessment
 * @param ownPaid the person's own payments net of refunds
 * @param fundPaid what the medical-assistance fund paid on the person's behalf (代缴), net of refunds
 * @param outstanding what is still owed; zero once settled, null before assessment
 * @param withdrawnOn null for a withdrawal from the birth, then {@code withdrawnFromBirth} is true (EVENTS.md: a birth date never
 *     in clear)
 */
record PersonStatus(String personId, int coverageYear, String region, String township, String village, String idNumberMasked,
        String nameMasked, String assistanceCategory, boolean registered, boolean settled, boolean counted, LocalDate withdrawnOn,
        Boolean withdrawnFromBirth,
        BigDecimal payableAmount, BigDecimal subsidyAmount, BigDecimal heldTo, BigDecimal ownPaid, BigDecimal fundPaid,
        BigDecimal outstanding, String explanation) {
}
