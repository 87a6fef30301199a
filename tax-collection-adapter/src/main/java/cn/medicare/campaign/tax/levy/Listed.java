package cn.medicare.campaign.tax.levy;

/**
 * A person-year on the levy list as a payment needs it: its county, and the mask its enrolment was announced with.
 *
 * @param idNumberMasked null while only an assessment or a payment of the person-year has arrived
 */
public record Listed(String region, String idNumberMasked) {
}
