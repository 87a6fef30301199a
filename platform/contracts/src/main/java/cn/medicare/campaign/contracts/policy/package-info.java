/**
 * The one rule engine of a campaign's policy: every service that decides or checks a person's
 * category, amount or coverage asks {@link cn.medicare.campaign.contracts.policy.EnrolmentPolicy},
 * so enrollment, subsidy and the tax adapter cannot disagree. Plain Java: no Spring, no I/O.
 */
package cn.medicare.campaign.contracts.policy;
